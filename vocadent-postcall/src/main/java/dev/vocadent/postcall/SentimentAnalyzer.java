package dev.vocadent.postcall;

/**
 * Classifies a finished call's caller sentiment and may write its summary. The offline implementation is
 * {@link dev.vocadent.postcall.sentiment.LexiconSentimentAnalyzer}; an LLM one (OpenAI {@code CallAnalyzer}
 * in vocadent-providers-openai) implements this too. Post-call runs it on its background sender, never
 * on the call path; if it throws, the offline analyser is used instead and the failure is logged.
 */
@FunctionalInterface
public interface SentimentAnalyzer {
    /** Analyses the call. May block (network); must not return null. */
    CallAnalysis analyze(FinishedCall call) throws Exception;

    /** A short name for logs and the record, e.g. {@code openai:gpt-4o-mini}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
