package dev.vocadent.providers.deepgram;

import java.net.URI;
import java.time.Duration;

/**
 * Deepgram live transcription settings (the {@code vocadent.voice.deepgram} block).
 *
 * @param apiKey          from DEEPGRAM_API_KEY; never logged
 * @param url             {@code wss://api.deepgram.com/v1/listen}
 * @param model           e.g. nova-3
 * @param endpointingMs   silence that ends a speech segment (speech_final)
 * @param utteranceEndMs  gap in words that sends UtteranceEnd (Deepgram's minimum is 1000)
 * @param keepAlive       KeepAlive interval while no audio is sent
 * @param maxBacklog      audio kept while (re)connecting; older audio is dropped beyond it
 * @param connectTimeout  WebSocket handshake timeout
 */
public record DeepgramOptions(String apiKey, URI url, String model, int endpointingMs, int utteranceEndMs,
                              Duration keepAlive, Duration maxBacklog, Duration connectTimeout) {
    public static final URI DEFAULT_URL = URI.create("wss://api.deepgram.com/v1/listen");

    public DeepgramOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("DEEPGRAM_API_KEY is not set");
        }
        if (url == null || !(url.getScheme().equals("wss") || url.getScheme().equals("ws"))) {
            throw new IllegalArgumentException("voice.deepgram.url must be a ws:// or wss:// URL, was " + url);
        }
        if (model == null || !model.matches("[a-z0-9._-]+")) {
            throw new IllegalArgumentException("voice.deepgram.model is not a model name: " + model);
        }
        if (endpointingMs < 10 || endpointingMs > 10_000) {
            throw new IllegalArgumentException("voice.deepgram.endpointing-ms must be 10..10000, was " + endpointingMs);
        }
        if (utteranceEndMs < 1000 || utteranceEndMs > 5000) {
            throw new IllegalArgumentException("voice.deepgram.utterance-end-ms must be 1000..5000, was " + utteranceEndMs);
        }
    }

    public static DeepgramOptions defaults(String apiKey) {
        return new DeepgramOptions(apiKey, DEFAULT_URL, "nova-3", 300, 1000, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public DeepgramOptions withUrl(URI u) {
        return new DeepgramOptions(apiKey, u, model, endpointingMs, utteranceEndMs, keepAlive, maxBacklog, connectTimeout);
    }

    public DeepgramOptions withKeepAlive(Duration k) {
        return new DeepgramOptions(apiKey, url, model, endpointingMs, utteranceEndMs, k, maxBacklog, connectTimeout);
    }

    @Override
    public String toString() {
        return "DeepgramOptions[url=" + url + ", model=" + model + ", endpointingMs=" + endpointingMs
                + ", utteranceEndMs=" + utteranceEndMs + ", apiKey=***]";
    }

    /** From the {@code vocadent.voice.deepgram} block (throws if {@code api-key} is unset). */
    public static DeepgramOptions from(com.typesafe.config.Config dg) {
        return new DeepgramOptions(dg.hasPath("api-key") ? dg.getString("api-key") : null, URI.create(dg.getString("url")),
                dg.getString("model"), dg.getInt("endpointing-ms"), dg.getInt("utterance-end-ms"),
                Duration.ofMillis(dg.getLong("keep-alive-ms")), Duration.ofMillis(dg.getLong("max-backlog-ms")),
                Duration.ofMillis(dg.getLong("connect-timeout-ms")));
    }
}
