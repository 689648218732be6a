package dev.vocadent.providers.openai;

/** A post-call analysis request failed (provider error, timeout, an answer out of shape); retrying may help. */
public class CallAnalysisException extends RuntimeException {
    public CallAnalysisException(String message) {
        super(message);
    }

    public CallAnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
