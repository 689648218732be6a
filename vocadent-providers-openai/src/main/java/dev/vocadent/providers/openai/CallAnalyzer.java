package dev.vocadent.providers.openai;

import dev.vocadent.core.api.Sentiment;

/**
 * Post-call analysis of a finished call's transcript. Implementations call a model and may take
 * seconds: run them off the call path (post-call processing does, with retries).
 */
public interface CallAnalyzer {
    /**
     * The caller's sentiment: label, score in [-1, 1] and a one-line reason.
     *
     * @throws IllegalArgumentException when the transcript is empty
     * @throws CallAnalysisException    when the model fails or answers out of shape (safe to retry)
     */
    Sentiment sentiment(String transcript);

    /**
     * One paragraph for the practice team: who called, what they wanted, what was agreed.
     *
     * @throws IllegalArgumentException when the transcript is empty
     * @throws CallAnalysisException    when the model fails or answers empty (safe to retry)
     */
    String summary(String transcript);
}
