package dev.vocadent.telephony.rtp;

import java.util.BitSet;

/**
 * Hands out even RTP ports (RTCP on port + 1) from a configured range and takes them back at call
 * end. Thread-safe. {@link #inUse()} lets tests check that nothing leaks.
 */
public final class RtpPortAllocator {
    private final int first;
    private final int pairs;
    private final BitSet used;
    private int next;

    /** Ports {@code from..to} inclusive; {@code from} rounded up to even. */
    public RtpPortAllocator(int from, int to) {
        if (from < 1024 || to > 65535 || to <= from) {
            throw new IllegalArgumentException("RTP port range must be within 1024-65535 and hold at least one pair: " + from + "-" + to);
        }
        this.first = (from + 1) & ~1;
        this.pairs = (to - first + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("RTP port range holds no even/odd pair: " + from + "-" + to);
        }
        this.used = new BitSet(pairs);
    }

    /** Parses {@code A-B}. */
    public static RtpPortAllocator parse(String range) {
        String[] f = range.trim().split("-");
        if (f.length != 2) {
            throw new IllegalArgumentException("RTP port range must look like 10000-20000, got: " + range);
        }
        try {
            return new RtpPortAllocator(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RTP port range must look like 10000-20000, got: " + range);
        }
    }

    /** The next free even port, or -1 when the range is exhausted. Does not bind it. */
    public synchronized int allocate() {
        for (int i = 0; i < pairs; i++) {
            int idx = (next + i) % pairs;
            if (!used.get(idx)) {
                used.set(idx);
                next = (idx + 1) % pairs;
                return first + 2 * idx;
            }
        }
        return -1;
    }

    public synchronized void release(int port) {
        int idx = (port - first) / 2;
        if (port < first || (port & 1) != 0 || idx >= pairs || !used.get(idx)) {
            throw new IllegalStateException("RTP port " + port + " was not allocated");
        }
        used.clear(idx);
    }

    public synchronized int inUse() {
        return used.cardinality();
    }

    public int capacity() {
        return pairs;
    }
}
