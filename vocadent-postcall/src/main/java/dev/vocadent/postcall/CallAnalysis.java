package dev.vocadent.postcall;

import dev.vocadent.core.api.Sentiment;

/**
 * What an analyser says about a call.
 *
 * @param sentiment the caller's sentiment (label, score in [-1, 1], one-line reason)
 * @param summary   one short paragraph; null → post-call writes a template summary from the call state
 * @param analyser  which analyser produced it (e.g. {@code lexicon}, {@code openai:gpt-4o-mini}), for the record
 */
public record CallAnalysis(Sentiment sentiment, String summary, String analyser) {
    public CallAnalysis {
        if (sentiment == null) {
            throw new IllegalArgumentException("call analysis: sentiment is required");
        }
    }
}
