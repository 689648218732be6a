package dev.vocadent.agent.brain;

/**
 * Decides what the agent says and which tools it calls, one caller turn at a time. Implementations:
 * the LLM brain (openai-java), the offline rule brain, fakes with scripted turns, and the fallback
 * chain (itself a Brain). A brain keeps no per-call state of its own outside what
 * {@link #newConversation} returns, so one instance serves every call.
 */
public interface Brain {
    /** Short name for logs and metrics: "openai", "offline", "fallback(openai,offline)". */
    String name();

    /** Starts a conversation for one call. */
    Conversation newConversation(BrainContext context);

    /** One call's conversation with this brain. Called from that call's session thread only. */
    interface Conversation {
        /** The greeting turn (before the caller said anything). Default: the clinic's greeting. */
        default void greet(ReplySink out) {
            out.text(out.context().state().customerContext().greeting());
        }

        /**
         * Answers the caller's latest turn ({@link BrainContext#history()} ends with it): streams text
         * to {@code out} as it is produced and calls tools through {@link BrainContext#tools()}.
         *
         * @throws BrainException when the brain cannot answer (provider down, timeout); the fallback
         *                        brain then answers the same turn with the same state
         */
        void respond(ReplySink out) throws BrainException;
    }
}
