package dev.vocadent.telephony.rtp;

/**
 * An adaptive jitter buffer for 20 ms audio frames, ordered by RTP sequence number.
 *
 * <p>{@link #put} (receive thread) stores a decoded frame; {@link #take} (media clock, every 20 ms)
 * returns the next one. Playout starts once {@code target} frames are buffered. The target follows
 * the RFC 3550 interarrival-jitter estimate: about three times the jitter, between {@code min} and
 * {@code max} frames. A missing frame is concealed by repeating the last one at half the level per
 * lost frame (silence after three); when the buffer holds more than target + 2 frames one frame is
 * skipped to bring latency back down. Late and duplicate packets are dropped. Thread-safe.
 */
public final class JitterBuffer {
    /** What {@link #take} produced. */
    public enum Result { PLAYED, CONCEALED, SILENCE }

    private static final int SLOTS = 64;
    private static final int FRAME = 160;
    private final short[][] frames = new short[SLOTS][FRAME];
    private final int[] seqs = new int[SLOTS];
    private final boolean[] present = new boolean[SLOTS];
    private final short[] last = new short[FRAME];
    private final int minFrames;
    private final int maxFrames;
    private int count;
    private boolean playing;
    private int nextSeq;
    private int lostRun;
    private int underruns;
    // RFC 3550 A.8 interarrival jitter, in timestamp units (1/8000 s)
    private double jitter;
    private long lastTransit = Long.MIN_VALUE;
    private long late;
    private long lost;
    private long received;

    public JitterBuffer(int minFrames, int maxFrames) {
        if (minFrames < 1 || maxFrames < minFrames || maxFrames > SLOTS / 2) {
            throw new IllegalArgumentException("jitter buffer frames must satisfy 1 <= min <= max <= 32");
        }
        this.minFrames = minFrames;
        this.maxFrames = maxFrames;
    }

    /**
     * Stores a frame. {@code arrivalSamples} is the arrival time in 8 kHz units (for the jitter
     * estimate); {@code samples} must hold 160 samples (shorter frames are padded with silence).
     */
    public synchronized void put(int sequence, long rtpTimestamp, long arrivalSamples, short[] samples, int n) {
        received++;
        long transit = arrivalSamples - rtpTimestamp;
        if (lastTransit != Long.MIN_VALUE) {
            long d = Math.abs(transit - lastTransit);
            if (d < 8000 * 10) {
                jitter += (d - jitter) / 16.0;
            }
        }
        lastTransit = transit;
        sequence &= 0xffff;
        if (playing) {
            int ahead = (short) (sequence - nextSeq);
            if (ahead < 0) {
                late++;
                return;
            }
            if (ahead >= SLOTS) {
                reset(); // the stream jumped (new source, long gap): start over
            }
        }
        int slot = sequence & (SLOTS - 1);
        if (present[slot] && seqs[slot] == sequence) {
            return; // duplicate
        }
        if (!present[slot]) {
            count++;
        }
        present[slot] = true;
        seqs[slot] = sequence;
        int k = Math.min(n, FRAME);
        System.arraycopy(samples, 0, frames[slot], 0, k);
        java.util.Arrays.fill(frames[slot], k, FRAME, (short) 0);
        if (!playing && count == 1) {
            nextSeq = sequence;
        } else if (!playing && (short) (sequence - nextSeq) < 0) {
            nextSeq = sequence;
        }
    }

    /** Fills {@code out} (160 samples) with the next frame to play. */
    public synchronized Result take(short[] out) {
        if (!playing) {
            if (count >= target()) {
                playing = true;
                underruns = 0;
            } else {
                java.util.Arrays.fill(out, 0, FRAME, (short) 0);
                return Result.SILENCE;
            }
        }
        int slot = nextSeq & (SLOTS - 1);
        if (present[slot] && seqs[slot] == nextSeq) {
            System.arraycopy(frames[slot], 0, out, 0, FRAME);
            System.arraycopy(out, 0, last, 0, FRAME);
            present[slot] = false;
            count--;
            nextSeq = (nextSeq + 1) & 0xffff;
            lostRun = 0;
            underruns = 0;
            if (count > target() + 2) {
                skipOne();
            }
            return Result.PLAYED;
        }
        if (count == 0) {
            underruns++;
            if (underruns > 3) {
                playing = false; // rebuffer once the stream returns
                java.util.Arrays.fill(out, 0, FRAME, (short) 0);
                return Result.SILENCE;
            }
        } else {
            lost++;
        }
        nextSeq = (nextSeq + 1) & 0xffff;
        return conceal(out);
    }

    private void skipOne() {
        int slot = nextSeq & (SLOTS - 1);
        if (present[slot] && seqs[slot] == nextSeq) {
            present[slot] = false;
            count--;
        }
        nextSeq = (nextSeq + 1) & 0xffff;
    }

    private Result conceal(short[] out) {
        lostRun++;
        if (lostRun > 3) {
            java.util.Arrays.fill(out, 0, FRAME, (short) 0);
            return Result.CONCEALED;
        }
        int shift = lostRun;
        for (int i = 0; i < FRAME; i++) {
            out[i] = (short) (last[i] >> shift);
        }
        return Result.CONCEALED;
    }

    private void reset() {
        java.util.Arrays.fill(present, false);
        count = 0;
        playing = false;
    }

    /** Frames to hold before playing: about three times the jitter, within the configured bounds. */
    public synchronized int target() {
        int t = 1 + (int) Math.ceil(3 * jitter / FRAME);
        return Math.max(minFrames, Math.min(maxFrames, t));
    }

    /** The interarrival jitter estimate in milliseconds. */
    public synchronized double jitterMillis() {
        return jitter / 8.0;
    }

    public synchronized long late() {
        return late;
    }

    public synchronized long lost() {
        return lost;
    }

    public synchronized long received() {
        return received;
    }

    public synchronized int buffered() {
        return count;
    }
}
