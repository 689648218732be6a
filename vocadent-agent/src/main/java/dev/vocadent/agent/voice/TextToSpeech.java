package dev.vocadent.agent.voice;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.core.config.VoiceConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Text to speech, streamed: one {@link Stream} per agent turn takes text sentence by sentence as the
 * brain produces it and emits PCM16 at the requested rate as soon as it is synthesised. A stream can
 * be cancelled mid-sentence (barge-in): no audio is delivered after {@link Stream#cancel()} returns.
 */
public interface TextToSpeech extends AutoCloseable {
    /** Short provider name for logs and metrics ("elevenlabs", "espeak-ng", …). */
    String name();

    /**
     * Opens a stream for one turn.
     *
     * @param voice      the clinic's voice; null → the provider's configured default voice
     * @param sampleRate output rate in Hz
     */
    Stream stream(VoiceConfig voice, int sampleRate, Listener listener);

    @Override
    default void close() {}

    /** Synthesises {@code text} in one piece (greetings, fillers); waits up to {@code timeoutMillis}. */
    default AudioFrame synthesize(String text, VoiceConfig voice, int sampleRate, long timeoutMillis)
            throws TtsException {
        CompletableFuture<AudioFrame> result = new CompletableFuture<>();
        ClipCollector collector = new ClipCollector(sampleRate, result);
        try (Stream s = stream(voice, sampleRate, collector)) {
            s.pushText(text);
            s.endInput();
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof TtsException t ? t : new TtsException(name(), e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TtsException(name(), "no audio within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TtsException(name(), "interrupted", e);
        }
    }

    /** One turn of synthesis. Methods return at once; synthesis runs elsewhere. */
    interface Stream extends AutoCloseable {
        /** Text to speak next: a sentence, or a fragment the provider may buffer until a sentence end. */
        void pushText(String text);

        /** No more text for this turn: finish what was pushed, then {@link Listener#done()}. */
        void endInput();

        /** Stops at once (barge-in); queued text is dropped and no further audio is delivered. */
        void cancel();

        @Override
        default void close() {
            cancel();
        }
    }

    /** Receives synthesis results, on the provider's thread. Must not block. */
    interface Listener {
        /** Audio at the stream's sample rate; the buffer is reused after the call. */
        void audio(short[] pcm, int off, int len);

        /** The text of one {@link Stream#pushText} call has been fully voiced. */
        default void textDone(String text) {}

        /** All pushed text has been voiced after {@link Stream#endInput()}. */
        void done();

        /** The provider failed; no more events follow. */
        void failed(TtsException error);
    }
}
