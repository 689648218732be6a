package dev.vocadent.agent.voice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.core.config.VoiceConfig;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Synthesised greetings (and other fixed lines), once per (clinic, voice, text, sample rate), kept in
 * memory up to a byte budget (least recently used go first). Answering a call takes the clip from
 * here, so the first audio can leave at once; {@link #prewarm} fills it when a clinic's config loads.
 * Failed syntheses are not cached.
 */
public final class GreetingCache {
    record Key(String clinicId, VoiceConfig voice, String text, int sampleRate) {}

    private final TextToSpeech tts;
    private final long timeoutMillis;
    private final Cache<Key, AudioFrame> cache;
    private final Executor executor;

    /**
     * @param maxBytes      memory budget for the clips (PCM16: 2 bytes a sample)
     * @param timeoutMillis how long one synthesis may take
     */
    public GreetingCache(TextToSpeech tts, long maxBytes, long timeoutMillis, Executor executor) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("voice.greeting-cache-bytes must be positive, was " + maxBytes);
        }
        this.tts = tts;
        this.timeoutMillis = timeoutMillis;
        this.executor = executor;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, AudioFrame a) -> 2 * a.length() + k.text().length())
                .build();
    }

    /** The clip, synthesised now if it is not cached (blocks the caller for that long). */
    public AudioFrame get(String clinicId, VoiceConfig voice, String text, int sampleRate) throws TtsException {
        Key key = new Key(Objects.requireNonNull(clinicId, "clinicId"), voice, Objects.requireNonNull(text, "text"), sampleRate);
        try {
            return cache.get(key, k -> {
                try {
                    return tts.synthesize(k.text(), k.voice(), k.sampleRate(), timeoutMillis);
                } catch (TtsException e) {
                    throw new CompletionException(e);
                }
            });
        } catch (CompletionException e) {
            throw (TtsException) e.getCause();
        }
    }

    /** The clip if cached, else null (never synthesises). */
    public AudioFrame getIfPresent(String clinicId, VoiceConfig voice, String text, int sampleRate) {
        return cache.getIfPresent(new Key(clinicId, voice, text, sampleRate));
    }

    /** Synthesises in the background so a later {@link #get} is instant. */
    public CompletableFuture<AudioFrame> prewarm(String clinicId, VoiceConfig voice, String text, int sampleRate) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return get(clinicId, voice, text, sampleRate);
            } catch (TtsException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Forgets a clinic's clips (its config or voice changed). */
    public void invalidateClinic(String clinicId) {
        cache.asMap().keySet().removeIf(k -> k.clinicId().equals(clinicId));
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
