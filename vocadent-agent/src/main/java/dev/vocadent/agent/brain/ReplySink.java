package dev.vocadent.agent.brain;

/** Where a brain streams its answer. Text goes to the caller (chat output or TTS) as it arrives. */
public interface ReplySink {
    /** A piece of the answer; sentence boundaries may fall anywhere. */
    void text(String delta);

    /**
     * What kind of answer the agent now expects from the caller, so the turn detector waits longer
     * for a phone number or date of birth and the recogniser is biased to the expected words.
     */
    default void expect(ExpectedAnswer expected) {}

    /** The call the answer belongs to. */
    BrainContext context();
}
