package dev.vocadent.agent.voice;

import java.time.InstantSource;

/**
 * Notices a silent line on the wall clock: when neither side has spoken for {@code idlePrompt}
 * (and the agent is not talking), it asks the session to prompt the caller once; if silence continues
 * for {@code idleHangup} more, it asks the session to end the call. Any caller speech starts over.
 */
public final class IdleDetector {
    public interface Listener {
        /** Say something like "Are you still there?". */
        void promptIdleCaller();

        /** End the call: nobody is there. */
        void hangUpIdleCall();
    }

    private final TurnOptions options;
    private final InstantSource clock;
    private final Listener listener;
    private long since;
    private boolean agentSpeaking;
    private boolean prompted;
    private boolean hungUp;

    public IdleDetector(TurnOptions options, InstantSource clock, Listener listener) {
        this.options = options;
        this.clock = clock;
        this.listener = listener;
        this.since = clock.millis();
    }

    /** The caller spoke: the line is alive. */
    public void callerActivity() {
        since = clock.millis();
        prompted = false;
    }

    /** The agent started or stopped talking; silence is counted from when it stops. */
    public void agentSpeaking(boolean speaking) {
        agentSpeaking = speaking;
        if (!speaking) {
            since = clock.millis();
        }
    }

    public void tick() {
        if (agentSpeaking || hungUp) {
            return;
        }
        long quiet = clock.millis() - since;
        if (!prompted && quiet >= options.idlePromptMillis()) {
            prompted = true;
            since = clock.millis();
            listener.promptIdleCaller();
        } else if (prompted && quiet >= options.idleHangupMillis()) {
            hungUp = true;
            listener.hangUpIdleCall();
        }
    }
}
