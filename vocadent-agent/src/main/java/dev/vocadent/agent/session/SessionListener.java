package dev.vocadent.agent.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;

/**
 * What a call session tells the outside world (chat printer, TTS pipeline, transcript, tests).
 * Every method has a no-op default; implement what you need. Called on the session's thread.
 */
public interface SessionListener {
    /** A piece of agent text, as the brain streams it. */
    default void agentText(String delta) {}

    /** The agent finished a turn and now waits for the caller. */
    default void listening() {}

    /** A tool ran. */
    default void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {}

    /** The outcome changed. */
    default void outcome(CallOutcome outcome) {}

    /** The brain in use changed (fallback). */
    default void brainSwitched(String from, String to, String reason) {}

    /** The session ended; the state is final. */
    default void ended(CallOutcome outcome, CallState state) {}
}
