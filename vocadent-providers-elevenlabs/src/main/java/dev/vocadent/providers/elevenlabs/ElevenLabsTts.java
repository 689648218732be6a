package dev.vocadent.providers.elevenlabs;

import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.core.config.VoiceConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

/**
 * ElevenLabs streaming TTS over the WebSocket {@code stream-input} API: one connection per agent
 * turn, opened as soon as the turn starts; sentences are sent as they complete with {@code flush} so
 * each is synthesised at once; audio comes back base64 in the format closest to the call (μ-law 8 kHz
 * for phone calls, else PCM) and is converted to the requested rate.
 */
public final class ElevenLabsTts implements TextToSpeech {
    private final ElevenLabsOptions options;
    private final HttpClient http;

    public ElevenLabsTts(ElevenLabsOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
    }

    @Override
    public String name() {
        return "elevenlabs";
    }

    ElevenLabsOptions options() {
        return options;
    }

    HttpClient http() {
        return http;
    }

    /** The ElevenLabs output format for a call rate, and the rate that format delivers. */
    static String outputFormat(int sampleRate) {
        return switch (sampleRate) {
            case 8000 -> "ulaw_8000";
            case 16000 -> "pcm_16000";
            case 22050 -> "pcm_22050";
            case 44100 -> "pcm_44100";
            default -> "pcm_24000";
        };
    }

    static int formatRate(String format) {
        return Integer.parseInt(format.substring(format.indexOf('_') + 1));
    }

    URI uri(String voiceId, String model, String format) {
        String base = options.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/v1/text-to-speech/" + URLEncoder.encode(voiceId, StandardCharsets.UTF_8)
                + "/stream-input?model_id=" + URLEncoder.encode(model, StandardCharsets.UTF_8)
                + "&output_format=" + format + "&inactivity_timeout=60");
    }

    @Override
    public Stream stream(VoiceConfig voice, int sampleRate, Listener listener) {
        if (sampleRate < 8000 || sampleRate > 48000) {
            throw new IllegalArgumentException("TTS sample rate must be 8000..48000 Hz, was " + sampleRate);
        }
        return new ElevenLabsStream(this, voice, sampleRate, listener);
    }
}
