package dev.vocadent.agent.brain;

/** A brain could not produce an answer (provider error, timeout, too many tool rounds). */
public class BrainException extends Exception {
    public BrainException(String message) {
        super(message);
    }

    public BrainException(String message, Throwable cause) {
        super(message, cause);
    }
}
