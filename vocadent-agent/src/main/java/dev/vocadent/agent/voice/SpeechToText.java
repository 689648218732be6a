package dev.vocadent.agent.voice;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.util.List;
import java.util.Objects;

/**
 * Streaming speech recognition. One {@link Stream} per call: caller audio in, interim and final
 * transcripts and end-of-utterance signals out. Each turn the session can tell the recogniser what
 * answer it expects (the brain's {@link ExpectedAnswer}), which biases it (grammar, keyterms).
 */
public interface SpeechToText extends AutoCloseable {
    /** Short provider name for logs and metrics. */
    String name();

    /** Opens a per-call stream. */
    Stream stream(Options options, Listener listener);

    @Override
    default void close() {}

    /**
     * Per-call recogniser settings.
     *
     * @param sampleRate rate of the audio pushed (Hz)
     * @param language   BCP-47 language, e.g. en-GB
     * @param keyterms   the clinic's vocabulary (doctor names, treatments, practice name)
     */
    record Options(int sampleRate, String language, List<String> keyterms) {
        public Options {
            if (sampleRate < 8000 || sampleRate > 48000) {
                throw new IllegalArgumentException("STT sample rate must be 8000..48000 Hz, was " + sampleRate);
            }
            Objects.requireNonNull(language, "language");
            keyterms = keyterms == null ? List.of() : List.copyOf(keyterms);
        }
    }

    /** One call's recognition. Methods never block on the provider. */
    interface Stream extends AutoCloseable {
        /** Caller audio at the options' sample rate. */
        void push(short[] pcm, int off, int len);

        /** What the agent just asked for: biases recognition from the next utterance on. */
        void expect(ExpectedAnswer answer);

        /** VAD says the caller stopped: finalise the current utterance now rather than waiting. */
        void finalizeUtterance();

        @Override
        void close();
    }

    /** Recognition results, on the provider's thread. Must not block. */
    interface Listener {
        /** A provisional transcript of the utterance so far (replaces the previous interim). */
        default void interim(String text) {}

        /** A final transcript segment; several may make up one utterance. */
        void finalText(String text, double confidence); // confidence 0..1, NaN when the provider gives none

        /** The caller finished the utterance (the provider's endpointing). */
        default void endOfUtterance() {}

        /** The provider failed; the stream may recover (reconnect) or stay down. */
        default void error(String message, boolean recoverable) {}
    }
}
