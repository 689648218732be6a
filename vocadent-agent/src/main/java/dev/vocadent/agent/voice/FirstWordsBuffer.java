package dev.vocadent.agent.voice;

import java.util.ArrayDeque;

/**
 * Keeps the caller's audio from the first frame until the recogniser is connected, then hands it over
 * in order and passes later audio straight through, so the caller's first words are not lost while STT
 * connects. Bounded: beyond {@code maxMillis} the oldest audio is dropped. Thread-safe.
 */
public final class FirstWordsBuffer {
    /** Where audio goes once connected. */
    @FunctionalInterface
    public interface Sink {
        void push(short[] pcm, int off, int len);
    }

    private final ArrayDeque<short[]> buffered = new ArrayDeque<>();
    private final long maxSamples;
    private long samples;
    private long dropped;
    private Sink sink;

    public FirstWordsBuffer(int sampleRate, int maxMillis) {
        this.maxSamples = (long) sampleRate * maxMillis / 1000;
    }

    public synchronized void push(short[] pcm, int off, int len) {
        if (sink != null) {
            sink.push(pcm, off, len);
            return;
        }
        buffered.add(java.util.Arrays.copyOfRange(pcm, off, off + len));
        samples += len;
        while (samples > maxSamples && !buffered.isEmpty()) {
            short[] old = buffered.poll();
            samples -= old.length;
            dropped += old.length;
        }
    }

    /** STT is ready: flushes the buffered audio into {@code s}, then passes audio through. */
    public synchronized void connected(Sink s) {
        for (short[] b : buffered) {
            s.push(b, 0, b.length);
        }
        buffered.clear();
        samples = 0;
        sink = s;
    }

    public synchronized long bufferedSamples() {
        return samples;
    }

    /** Samples dropped because the buffer was full. */
    public synchronized long droppedSamples() {
        return dropped;
    }
}
