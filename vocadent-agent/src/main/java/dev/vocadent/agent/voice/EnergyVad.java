package dev.vocadent.agent.voice;

/**
 * Fake VAD for tests and benchmarks: a 20 ms window is speech when its RMS exceeds a threshold; the
 * same min-speech / min-silence rules as the real VAD. Events fire on the pushing thread.
 */
public final class EnergyVad implements Vad {
    private final double rmsThreshold;
    private final VadOptions options;

    public EnergyVad(double rmsThreshold, VadOptions options) {
        this.rmsThreshold = rmsThreshold;
        this.options = options;
    }

    @Override
    public Stream stream(int sampleRate, Listener listener) {
        int window = sampleRate / 50;
        return new Stream() {
            private long pushed;
            private int filled;
            private double sum;
            private boolean speaking;
            private long speechRun;
            private long silenceRun;
            private long start;

            @Override
            public void push(short[] pcm, int off, int len) {
                for (int i = 0; i < len; i++) {
                    double s = pcm[off + i];
                    sum += s * s;
                    if (++filled == window) {
                        pushed += window;
                        window(Math.sqrt(sum / window));
                        filled = 0;
                        sum = 0;
                    }
                }
            }

            private void window(double rms) {
                long now = pushed * 1000 / sampleRate;
                listener.probability(rms > rmsThreshold ? 1f : 0f, now);
                if (rms > rmsThreshold) {
                    speechRun += 20;
                    silenceRun = 0;
                    if (!speaking && speechRun >= options.minSpeechMillis()) {
                        speaking = true;
                        start = now - speechRun;
                        listener.speechStarted(start);
                    }
                } else {
                    silenceRun += 20;
                    speechRun = 0;
                    if (speaking && silenceRun > options.minSilenceMillis()) {
                        speaking = false;
                        listener.speechEnded(start, now - silenceRun);
                    }
                }
            }

            @Override
            public void reset() {
                pushed = 0;
                filled = 0;
                sum = 0;
                speaking = false;
                speechRun = 0;
                silenceRun = 0;
            }

            @Override
            public void close() {}
        };
    }
}
