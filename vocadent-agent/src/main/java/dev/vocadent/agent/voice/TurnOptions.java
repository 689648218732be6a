package dev.vocadent.agent.voice;

/**
 * Turn-taking settings (the {@code vocadent.voice.turn} block).
 *
 * @param minEndpointingMillis   silence after a final transcript before the turn ends (500)
 * @param maxEndpointingMillis   silence before the turn ends when STT has not said "end of utterance" (3000)
 * @param patienceMillis         silence before the turn ends while the caller gives digits, a date of birth
 *                               or spells (2500; at most maxEndpointingMillis)
 * @param minInterruptionMillis  caller speech needed to interrupt the agent (500)
 * @param backchannelMaxMillis   acknowledgement-only speech longer than this interrupts anyway (1500)
 * @param idlePromptMillis       caller silence, agent silent, before asking "are you still there?" (10000)
 * @param idleHangupMillis       further silence after the prompt before ending the call (20000)
 */
public record TurnOptions(int minEndpointingMillis, int maxEndpointingMillis, int patienceMillis,
                          int minInterruptionMillis, int backchannelMaxMillis, int idlePromptMillis,
                          int idleHangupMillis) {
    public static final TurnOptions DEFAULTS = new TurnOptions(500, 3000, 2500, 500, 1500, 10_000, 20_000);

    public TurnOptions {
        if (minEndpointingMillis < 0 || maxEndpointingMillis < minEndpointingMillis) {
            throw new IllegalArgumentException("voice.turn: need 0 <= min-endpointing-ms <= max-endpointing-ms");
        }
        if (patienceMillis < minEndpointingMillis || patienceMillis > maxEndpointingMillis) {
            throw new IllegalArgumentException("voice.turn.patience-ms must lie between min- and max-endpointing-ms");
        }
        if (minInterruptionMillis < 0 || backchannelMaxMillis < minInterruptionMillis) {
            throw new IllegalArgumentException("voice.turn: need 0 <= min-interruption-ms <= backchannel-max-ms");
        }
        if (idlePromptMillis <= 0 || idleHangupMillis <= 0) {
            throw new IllegalArgumentException("voice.turn idle times must be positive");
        }
    }

    /** From the {@code vocadent.voice.turn} block. */
    public static TurnOptions from(com.typesafe.config.Config turn) {
        return new TurnOptions(turn.getInt("min-endpointing-ms"), turn.getInt("max-endpointing-ms"),
                turn.getInt("patience-ms"), turn.getInt("min-interruption-ms"), turn.getInt("backchannel-max-ms"),
                turn.getInt("idle-prompt-ms"), turn.getInt("idle-hangup-ms"));
    }
}
