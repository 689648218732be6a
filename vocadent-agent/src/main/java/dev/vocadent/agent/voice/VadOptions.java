package dev.vocadent.agent.voice;

/**
 * Turn-detection thresholds (defaults as the LiveKit Silero plug-in).
 *
 * @param activationThreshold   probability above which a window counts as speech (0.5)
 * @param deactivationThreshold while speaking, probability below which a window counts as silence (0.35)
 * @param minSpeechMillis       speech needed before "speech started" (50 ms)
 * @param minSilenceMillis      silence needed before "speech ended" (550 ms)
 */
public record VadOptions(double activationThreshold, double deactivationThreshold, int minSpeechMillis,
                         int minSilenceMillis) {
    public static final VadOptions DEFAULTS = new VadOptions(0.5, 0.35, 50, 550);

    public VadOptions {
        if (!(activationThreshold > 0 && activationThreshold < 1)) {
            throw new IllegalArgumentException("vad.activation-threshold must be in (0, 1), was " + activationThreshold);
        }
        if (!(deactivationThreshold > 0 && deactivationThreshold <= activationThreshold)) {
            throw new IllegalArgumentException("vad.deactivation-threshold must be in (0, activation-threshold], was "
                    + deactivationThreshold);
        }
        if (minSpeechMillis < 0 || minSilenceMillis < 0) {
            throw new IllegalArgumentException("vad durations must not be negative");
        }
    }

    /** From the {@code vocadent.voice.vad} block. */
    public static VadOptions from(com.typesafe.config.Config vad) {
        return new VadOptions(vad.getDouble("activation-threshold"), vad.getDouble("deactivation-threshold"),
                vad.getInt("min-speech-ms"), vad.getInt("min-silence-ms"));
    }
}
