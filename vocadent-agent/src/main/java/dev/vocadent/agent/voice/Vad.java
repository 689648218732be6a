package dev.vocadent.agent.voice;

/**
 * Voice activity detection. One {@link Vad} is shared by all calls (it may batch their inference);
 * each call opens its own {@link Stream} with its own state.
 */
public interface Vad extends AutoCloseable {
    /** Opens a per-call stream for audio at {@code sampleRate}; events go to {@code listener}. */
    Stream stream(int sampleRate, Listener listener);

    @Override
    default void close() {}

    /** One call's VAD state. */
    interface Stream extends AutoCloseable {
        /** Feeds caller audio (any length); never blocks on inference. */
        void push(short[] pcm, int off, int len);

        /** Forgets all state (as a new stream). */
        void reset();

        @Override
        void close();
    }

    /**
     * VAD events, with times on the stream's own audio timeline (milliseconds of audio pushed so far).
     * Called on the VAD's inference thread: must be quick and must not block.
     */
    interface Listener {
        /** Speech has lasted {@code minSpeech}; it began at {@code startMillis}. */
        void speechStarted(long startMillis);

        /** Silence has lasted {@code minSilence}; speech ended at {@code endMillis}. */
        void speechEnded(long startMillis, long endMillis);

        /** Every inference window (32 ms): the smoothed speech probability. */
        default void probability(float p, long atMillis) {}
    }
}
