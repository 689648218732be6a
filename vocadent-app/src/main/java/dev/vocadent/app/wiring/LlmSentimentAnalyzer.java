package dev.vocadent.app.wiring;

import dev.vocadent.postcall.CallAnalysis;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.SentimentAnalyzer;
import dev.vocadent.postcall.transcript.Transcripts;
import dev.vocadent.providers.openai.CallAnalyzer;
import java.util.Objects;

/**
 * Post-call's {@link SentimentAnalyzer} over an LLM {@link CallAnalyzer} (OpenAI / Azure OpenAI):
 * sentiment and summary from the readable transcript. Any failure propagates; post-call then falls back
 * to the offline classifier and logs it.
 */
public final class LlmSentimentAnalyzer implements SentimentAnalyzer {
    private final CallAnalyzer analyzer;
    private final String name;

    /** @param name for logs and the call record, e.g. {@code openai:gpt-4o-mini} */
    public LlmSentimentAnalyzer(CallAnalyzer analyzer, String name) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public CallAnalysis analyze(FinishedCall call) {
        String transcript = Transcripts.text(call);
        if (transcript.isBlank()) {
            throw new IllegalArgumentException("call " + call.sessionId() + " has no transcript to analyse");
        }
        return new CallAnalysis(analyzer.sentiment(transcript), analyzer.summary(transcript), name);
    }

    @Override
    public String name() {
        return name;
    }
}
