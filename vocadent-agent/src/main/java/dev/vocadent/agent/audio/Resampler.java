package dev.vocadent.agent.audio;

/**
 * Streaming polyphase windowed-sinc resampler for mono PCM16 between any two integer rates
 * (8, 16, 22.05, 24, 48 kHz…). The ratio is reduced to L/M; for each of the L phases a Kaiser-windowed
 * sinc low-pass (cut-off just below the lower Nyquist frequency, DC gain 1) is precomputed, so each
 * output sample is one dot product. State (the tail of the input) carries across calls, so a stream
 * cut into 20 ms frames gives the same result as one long buffer. Not thread-safe: one per stream.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 16;
    private static final double ROLLOFF = 0.92;
    private static final double KAISER_BETA = 8.6;

    private final int inRate;
    private final int outRate;
    private final int up;     // L
    private final int down;   // M
    private final int taps;   // per phase
    private final int half;   // taps on each side
    private final float[][] filters;
    private float[] buf;      // history + pending input
    private int bufLen;
    private long phasePos;    // position of the next output, in 1/L input samples, relative to buf[half - 1]

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " → " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        double cutoff = Math.min(1.0, (double) outRate / inRate) * ROLLOFF; // relative to input Nyquist
        this.half = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.taps = 2 * half;
        this.filters = new float[up][taps];
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up;
            double sum = 0;
            double[] h = new double[taps];
            for (int j = 0; j < taps; j++) {
                // tap j multiplies input sample (base - half + 1 + j); distance from the output instant:
                double d = (j - half + 1) - frac;
                double x = d * cutoff;
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double r = d / half;
                double w = Math.abs(r) >= 1 ? 0 : bessel0(KAISER_BETA * Math.sqrt(1 - r * r)) / bessel0(KAISER_BETA);
                h[j] = sinc * w;
                sum += h[j];
            }
            for (int j = 0; j < taps; j++) {
                filters[p][j] = (float) (h[j] / sum);
            }
        }
        this.buf = new float[taps + 4096];
        reset();
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** Clears the history: the next input starts a new stream (as at construction). */
    public void reset() {
        java.util.Arrays.fill(buf, 0f);
        bufLen = half - 1; // zero history before the first sample
        phasePos = 0;
    }

    /** Upper bound of output samples for {@code inSamples} more input samples. */
    public int maxOutput(int inSamples) {
        return (int) (((long) (inSamples + taps) * up) / down) + 2;
    }

    /**
     * Resamples {@code n} input samples, writing to {@code out} from {@code outOff}; returns how many
     * were written. Output sample k is the signal at input time k·in/out (no offset), but it leaves only once
     * the filter's look-ahead (about 16 input periods at the lower rate) has arrived.
     * {@code out} needs {@link #maxOutput(int)} free samples.
     */
    public int process(short[] in, int inOff, int n, short[] out, int outOff) {
        ensure(bufLen + n);
        for (int i = 0; i < n; i++) {
            buf[bufLen + i] = in[inOff + i];
        }
        bufLen += n;
        int written = 0;
        while (true) {
            long base = phasePos / up;            // input index (in buf, offset by half-1) left of the output
            int phase = (int) (phasePos % up);
            int first = (int) base;               // buf index of tap 0 = base - half + 1 + (half - 1)
            if (first + taps > bufLen) {
                break;
            }
            float[] h = filters[phase];
            float acc = 0;
            for (int j = 0; j < taps; j++) {
                acc += h[j] * buf[first + j];
            }
            int v = Math.round(acc);
            out[outOff + written++] = (short) (v > 32767 ? 32767 : Math.max(v, -32768));
            phasePos += down;
        }
        // drop consumed input, keep what future outputs need
        int keep = (int) (phasePos / up);
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, bufLen - keep);
            bufLen -= keep;
            phasePos -= (long) keep * up;
        }
        return written;
    }

    /** Resamples a whole clip (flushing the filter tail) into a new frame. */
    public static AudioFrame convert(AudioFrame in, int outRate) {
        if (in.sampleRate() == outRate) {
            return in.copy();
        }
        Resampler r = new Resampler(in.sampleRate(), outRate);
        short[] out = new short[r.maxOutput(in.length() + r.half)];
        int n = r.process(in.samples(), 0, in.length(), out, 0);
        n += r.process(new short[r.half], 0, r.half, out, n); // flush the delay line
        int expected = (int) ((long) in.length() * outRate / in.sampleRate());
        short[] trimmed = java.util.Arrays.copyOf(out, Math.min(expected, n));
        return AudioFrame.of(trimmed, outRate);
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
        }
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
