package dev.vocadent.agent.audio;

import java.util.Objects;

/**
 * A slice of mono 16-bit PCM with its sample rate. The samples array may be larger than the frame
 * (pooled buffers); only {@code samples[0..length)} belong to it. Frames handed to a callback are
 * valid only during the call: copy what you keep.
 *
 * @param samples    PCM16 samples
 * @param length     how many of them belong to this frame
 * @param sampleRate samples per second (8000, 16000, 24000, 48000, …)
 */
public record AudioFrame(short[] samples, int length, int sampleRate) {
    public AudioFrame {
        Objects.requireNonNull(samples, "samples");
        if (length < 0 || length > samples.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + samples.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }

    /** A frame over the whole array. */
    public static AudioFrame of(short[] samples, int sampleRate) {
        return new AudioFrame(samples, samples.length, sampleRate);
    }

    /** Samples in {@code millis} milliseconds at {@code sampleRate}. */
    public static int samplesFor(int sampleRate, int millis) {
        return (int) ((long) sampleRate * millis / 1000);
    }

    /** Duration in microseconds. */
    public long durationMicros() {
        return length * 1_000_000L / sampleRate;
    }

    /** Duration in milliseconds (rounded down). */
    public int durationMillis() {
        return (int) (length * 1000L / sampleRate);
    }

    /** A trimmed copy of exactly {@code length} samples, safe to keep. */
    public AudioFrame copy() {
        short[] c = new short[length];
        System.arraycopy(samples, 0, c, 0, length);
        return new AudioFrame(c, length, sampleRate);
    }

    @Override
    public String toString() {
        return "AudioFrame[" + length + " samples @" + sampleRate + " Hz, " + durationMillis() + " ms]";
    }
}
