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

    /** Frequency of a (dominant) sine from its rising zero crossings, interpolated. */
    static double peakFrequency(short[] s, int from, int to, int rate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                double t = i - 1 + (double) -s[i - 1] / (s[i] - s[i - 1]);
                if (first < 0) {
                    first = t;
                } else {
                    crossings++;
                }
                last = t;
            }
        }
        return crossings == 0 ? 0 : crossings * rate / (last - first);
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
