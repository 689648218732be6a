package dev.vocadent.agent.audio;

/** Test signals and measurements. */
final class Signals {
    private Signals() {}

    static short[] sine(double freq, int rate, double seconds, double amplitude) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return s;
    }

    /** Amplitude of the {@code freq} component (Goertzel over samples [from, to)). */
    static double amplitudeAt(short[] s, int from, int to, double freq, int rate) {
        double w = 2 * Math.PI * freq / rate;
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += s[i] * Math.cos(w * i);
            im -= s[i] * Math.sin(w * i);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    /** The strongest frequency: a 50 Hz grid up to Nyquist, refined in 2 Hz steps. */
    static double peakFrequency(short[] s, int from, int to, int rate) {
        double best = scan(s, from, to, rate, 50, rate / 2.0 - 1, 50);
        return scan(s, from, to, rate, Math.max(2, best - 50), best + 50, 2);
    }

    private static double scan(short[] s, int from, int to, int rate, double lo, double hi, double step) {
        double best = lo;
        double bestAmp = -1;
        for (double f = lo; f <= hi; f += step) {
            double a = amplitudeAt(s, from, to, f, rate);
            if (a > bestAmp) {
                bestAmp = a;
                best = f;
            }
        }
        return best;
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
