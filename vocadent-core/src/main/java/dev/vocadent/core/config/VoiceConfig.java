package dev.vocadent.core.config;

/**
 * The practice's TTS voice (ElevenLabs terms).
 *
 * @param voiceId  e.g. {@code 21m00Tcm4TlvDq8ikWAM}
 * @param model    e.g. {@code eleven_multilingual_v2}
 * @param settings voice settings; null → provider defaults
 */
public record VoiceConfig(String voiceId, String model, VoiceSettings settings) {
    public VoiceConfig {
        if (settings == null) {
            settings = VoiceSettings.DEFAULTS;
        }
    }
}
