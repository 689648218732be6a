package dev.vocadent.agent.voice;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake STT for end-to-end tests: each time the caller's audio goes from loud (RMS above a threshold) to
 * 300 ms of quiet, or {@link Stream#finalizeUtterance()} is called, it reports the next scripted
 * utterance as an interim, a final and an end of utterance. It records the expected answers it was
 * given, so tests can check the session passes the brain's hints on.
 */
public final class ScriptedSpeechToText implements SpeechToText {
    private final List<String> script;
    private final double rmsThreshold;
    public final List<ExpectedAnswer> expectations = new CopyOnWriteArrayList<>();

    public ScriptedSpeechToText(List<String> script, double rmsThreshold) {
        this.script = List.copyOf(script);
        this.rmsThreshold = rmsThreshold;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Stream stream(Options options, Listener listener) {
        int window = options.sampleRate() / 50;
        return new Stream() {
            private int next;
            private boolean loud;
            private int quietWindows;
            private int filled;
            private double sum;

            @Override
            public synchronized void push(short[] pcm, int off, int len) {
                for (int i = 0; i < len; i++) {
                    double s = pcm[off + i];
                    sum += s * s;
                    if (++filled == window) {
                        boolean isLoud = Math.sqrt(sum / window) > rmsThreshold;
                        filled = 0;
                        sum = 0;
                        if (isLoud) {
                            loud = true;
                            quietWindows = 0;
                        } else if (loud && ++quietWindows >= 15) {
                            emit();
                        }
                    }
                }
            }

            private void emit() {
                loud = false;
                quietWindows = 0;
                if (next < script.size()) {
                    String u = script.get(next++);
                    listener.interim(u);
                    listener.finalText(u, 1.0);
                }
                listener.endOfUtterance();
            }

            @Override
            public void expect(ExpectedAnswer answer) {
                expectations.add(answer);
            }

            @Override
            public synchronized void finalizeUtterance() {
                if (loud) {
                    emit();
                }
            }

            @Override
            public void close() {}
        };
    }
}
