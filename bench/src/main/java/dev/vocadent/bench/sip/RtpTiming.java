package dev.vocadent.bench.sip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Send timing of RTP streams as seen on the wire: per stream (one call's agent → caller packets), the
 * interval between consecutive packets against the 20 ms packetisation, intervals over 40 ms (a late
 * packet), sequence gaps (missing packets) and timestamp jumps (ticks the sender skipped). Figures are
 * given for every packet and for the window in which every stream was running (full load).
 */
final class RtpTiming {
    static final long FRAME_MICROS = 20_000;
    static final long LATE_MICROS = 40_000;

    private final Map<Long, Stream> streams = new LinkedHashMap<>();
    private long voiced;

    /** One captured packet of stream {@code key} at {@code micros} (capture clock), in capture order. */
    void packet(long key, long micros, int sequence, long timestamp) {
        packet(key, micros, sequence, timestamp, false);
    }

    /** @param speech whether the packet carries sound (not G.711 digital silence) */
    void packet(long key, long micros, int sequence, long timestamp, boolean speech) {
        if (speech) {
            voiced++;
        }
        streams.computeIfAbsent(key, k -> new Stream()).add(micros, sequence, timestamp);
    }

    /** Timing figures over packets whose interval lies within [from, to] (capture clock, µs). */
    record Figures(long intervals, long p50Micros, long p99Micros, long maxMicros, long late, long missing,
                   long skippedTicks, long reordered, long lateInStalls, long stalls) {}

    /** The analysis: all packets, and the full-load window (null when no instant had every stream running). */
    record Result(int streams, long packets, long voicedPackets, int maxConcurrent, long firstMicros, long lastMicros,
                  long windowFrom, long windowTo, Figures all, Figures fullLoad) {
        double windowSeconds() {
            return (windowTo - windowFrom) / 1e6;
        }
    }

    Result result() {
        long packets = streams.values().stream().mapToLong(s -> s.n).sum();
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Stream s : streams.values()) {
            from = Math.max(from, s.micros[0]);
            to = Math.min(to, s.micros[s.n - 1]);
            first = Math.min(first, s.micros[0]);
            last = Math.max(last, s.micros[s.n - 1]);
        }
        Figures all = figures(Long.MIN_VALUE, Long.MAX_VALUE);
        Figures full = streams.isEmpty() || from >= to ? null : figures(from, to);
        return new Result(streams.size(), packets, voiced, maxConcurrent(), first, last, from, to, all, full);
    }

    private Figures figures(long from, long to) {
        long[] dev = new long[64];
        int nd = 0;
        long late = 0;
        long missing = 0;
        long skipped = 0;
        long reordered = 0;
        Map<Long, Integer> lateBy20ms = new java.util.HashMap<>();
        for (Stream s : streams.values()) {
            for (int i = 1; i < s.n; i++) {
                if (s.micros[i - 1] < from || s.micros[i] > to) {
                    continue;
                }
                long interval = s.micros[i] - s.micros[i - 1];
                if (nd == dev.length) {
                    dev = Arrays.copyOf(dev, nd * 2);
                }
                dev[nd++] = Math.abs(interval - FRAME_MICROS);
                if (interval > LATE_MICROS) {
                    late++;
                    lateBy20ms.merge(s.micros[i] / FRAME_MICROS, 1, Integer::sum);
                }
                int gap = (s.sequence[i] - s.sequence[i - 1]) & 0xffff;
                if (gap == 0 || gap >= 0x8000) {
                    reordered++;
                } else {
                    missing += gap - 1;
                    long tsGap = (s.timestamp[i] - s.timestamp[i - 1]) & 0xffffffffL;
                    long ticks = tsGap / 160;
                    if (ticks > gap) {
                        skipped += ticks - gap;
                    }
                }
            }
        }
        // a stall: a quarter or more of the streams late in the same 20 ms (the process or the machine stopped,
        // e.g. a GC pause or CPU starvation) rather than one call's clock waiting behind other work
        int stallSize = Math.max(2, streams.size() / 4);
        long lateInStalls = 0;
        long stalls = 0;
        for (int n : lateBy20ms.values()) {
            if (n >= stallSize) {
                stalls++;
                lateInStalls += n;
            }
        }
        Arrays.sort(dev, 0, nd);
        return new Figures(nd, quantile(dev, nd, 0.5), quantile(dev, nd, 0.99), nd == 0 ? 0 : dev[nd - 1], late,
                missing, skipped, reordered, lateInStalls, stalls);
    }

    private static long quantile(long[] sorted, int n, double q) {
        if (n == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, i))];
    }

    private int maxConcurrent() {
        List<long[]> events = new ArrayList<>();
        for (Stream s : streams.values()) {
            events.add(new long[] {s.micros[0], 1});
            events.add(new long[] {s.micros[s.n - 1], -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        int now = 0;
        int max = 0;
        for (long[] e : events) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private static final class Stream {
        long[] micros = new long[256];
        int[] sequence = new int[256];
        long[] timestamp = new long[256];
        int n;

        void add(long at, int seq, long ts) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
                sequence = Arrays.copyOf(sequence, n * 2);
                timestamp = Arrays.copyOf(timestamp, n * 2);
            }
            micros[n] = at;
            sequence[n] = seq;
            timestamp[n] = ts;
            n++;
        }
    }
}
