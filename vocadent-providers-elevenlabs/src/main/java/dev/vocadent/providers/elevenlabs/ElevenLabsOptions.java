package dev.vocadent.providers.elevenlabs;

import java.net.URI;
import java.time.Duration;

/**
 * ElevenLabs stream-input settings (the {@code vocadent.voice.elevenlabs} block).
 *
 * @param apiKey         from ELEVENLABS_API_KEY; sent as the {@code xi-api-key} header, never logged
 * @param baseUrl        {@code wss://api.elevenlabs.io}
 * @param defaultVoiceId voice for clinics without a voice block
 * @param defaultModel   model for clinics without one, e.g. eleven_flash_v2_5
 * @param connectTimeout WebSocket handshake timeout
 */
public record ElevenLabsOptions(String apiKey, URI baseUrl, String defaultVoiceId, String defaultModel,
                                Duration connectTimeout) {
    public static final URI DEFAULT_URL = URI.create("wss://api.elevenlabs.io");

    public ElevenLabsOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("ELEVENLABS_API_KEY is not set");
        }
        if (baseUrl == null || !(baseUrl.getScheme().equals("wss") || baseUrl.getScheme().equals("ws"))) {
            throw new IllegalArgumentException("voice.elevenlabs.url must be a ws:// or wss:// URL, was " + baseUrl);
        }
        if (defaultVoiceId == null || !defaultVoiceId.matches("[A-Za-z0-9]{1,64}")) {
            throw new IllegalArgumentException("voice.elevenlabs.default-voice-id is not a voice id: " + defaultVoiceId);
        }
        if (defaultModel == null || !defaultModel.matches("[a-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("voice.elevenlabs.default-model is not a model id: " + defaultModel);
        }
    }

    public static ElevenLabsOptions defaults(String apiKey) {
        return new ElevenLabsOptions(apiKey, DEFAULT_URL, "21m00Tcm4TlvDq8ikWAM", "eleven_flash_v2_5", Duration.ofSeconds(5));
    }

    public ElevenLabsOptions withUrl(URI u) {
        return new ElevenLabsOptions(apiKey, u, defaultVoiceId, defaultModel, connectTimeout);
    }

    @Override
    public String toString() {
        return "ElevenLabsOptions[url=" + baseUrl + ", defaultVoiceId=" + defaultVoiceId + ", defaultModel="
                + defaultModel + ", apiKey=***]";
    }

    /** From the {@code vocadent.voice.elevenlabs} block (throws if {@code api-key} is unset). */
    public static ElevenLabsOptions from(com.typesafe.config.Config el) {
        return new ElevenLabsOptions(el.hasPath("api-key") ? el.getString("api-key") : null, URI.create(el.getString("url")),
                el.getString("default-voice-id"), el.getString("default-model"),
                Duration.ofMillis(el.getLong("connect-timeout-ms")));
    }
}
