package dev.vocadent.core.config;

/**
 * ElevenLabs voice settings. {@code speed} also drives the offline voice's rate.
 *
 * @param stability       0..1
 * @param similarityBoost 0..1
 * @param speed           0.7..1.2, 1 = normal
 * @param useSpeakerBoost speaker boost on/off
 */
public record VoiceSettings(Double stability, Double similarityBoost, Double speed, Boolean useSpeakerBoost) {
    public static final VoiceSettings DEFAULTS = new VoiceSettings(0.5, 0.75, 1.0, true);

    public VoiceSettings {
        if (stability == null) {
            stability = 0.5;
        }
        if (similarityBoost == null) {
            similarityBoost = 0.75;
        }
        if (speed == null) {
            speed = 1.0;
        }
        if (useSpeakerBoost == null) {
            useSpeakerBoost = true;
        }
    }
}
