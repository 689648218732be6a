package dev.vocadent.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.api.SentimentLabel;
import dev.vocadent.core.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Sentiment (structured output: a strict JSON schema response format) and a one-paragraph summary of
 * a call transcript, on the same OpenAI / Azure OpenAI / compatible endpoint as the brain.
 */
public final class OpenAiCallAnalyzer implements CallAnalyzer, AutoCloseable {
    static final String SENTIMENT_PROMPT = """
            You rate the caller's overall sentiment in a phone call to a dental practice's receptionist.
            Judge the caller only, not the receptionist. Answer with a label (positive, neutral or negative),
            a score from -1 (very negative) to 1 (very positive) and a one-line reason of at most 20 words.""";
    static final String SUMMARY_PROMPT = """
            Summarise this phone call to a dental practice for the practice team in one plain-text paragraph
            of at most 80 words: who called, what they wanted, what was booked or agreed, and any follow-up
            the team must do. No lists, no headings.""";
    private static final int MAX_REASON_CHARS = 200;
    private static final long ANALYSIS_MAX_TOKENS = 400;

    private final OpenAiSettings settings;
    private final OpenAIClient client;
    private final UsageListener usage;

    public OpenAiCallAnalyzer(OpenAiSettings settings, UsageListener usage) {
        this.settings = settings;
        this.usage = usage == null ? UsageListener.NONE : usage;
        this.client = OpenAiClients.create(settings);
    }

    @Override
    public Sentiment sentiment(String transcript) {
        String answer = complete(SENTIMENT_PROMPT, transcript, sentimentFormat());
        JsonNode node;
        try {
            node = Json.mapper().readTree(answer);
        } catch (JsonProcessingException e) {
            throw new CallAnalysisException(name() + ": sentiment answer is not JSON");
        }
        JsonNode label = node.path("label");
        JsonNode score = node.path("score");
        JsonNode reason = node.path("reason");
        if (!label.isTextual() || !score.isNumber() || !reason.isTextual()) {
            throw new CallAnalysisException(name() + ": sentiment answer lacks label, score or reason");
        }
        SentimentLabel parsed;
        try {
            parsed = SentimentLabel.parse(label.asText());
        } catch (IllegalArgumentException e) {
            throw new CallAnalysisException(name() + ": sentiment label " + e.getMessage(), e);
        }
        double value = score.asDouble();
        if (!(value >= -1 && value <= 1)) {
            throw new CallAnalysisException(name() + ": sentiment score " + value + " is outside [-1, 1]");
        }
        return new Sentiment(parsed, value, oneLine(reason.asText(), MAX_REASON_CHARS));
    }

    @Override
    public String summary(String transcript) {
        String answer = oneLine(complete(SUMMARY_PROMPT, transcript, null), Integer.MAX_VALUE);
        if (answer.isEmpty()) {
            throw new CallAnalysisException(name() + ": empty summary");
        }
        return answer;
    }

    @Override
    public void close() {
        client.close();
    }

    private String complete(String instructions, String transcript, ResponseFormatJsonSchema format) {
        if (transcript == null || transcript.isBlank()) {
            throw new IllegalArgumentException("transcript is empty: nothing to analyse");
        }
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(settings.analysisModel())
                .addSystemMessage(instructions)
                .addUserMessage(transcript)
                .temperature(0.0);
        if (settings.usesLegacyMaxTokens()) {
            legacyMaxTokens(b);
        } else {
            b.maxCompletionTokens(ANALYSIS_MAX_TOKENS);
        }
        if (format != null) {
            b.responseFormat(format);
        }
        ChatCompletion completion;
        try {
            completion = client.chat().completions().create(b.build(),
                    RequestOptions.builder().timeout(settings.analysisTimeout()).build());
        } catch (OpenAIServiceException e) {
            throw new CallAnalysisException(name() + ": HTTP " + e.statusCode(), e);
        } catch (OpenAIException e) {
            throw new CallAnalysisException(name() + ": request failed: " + e.getClass().getSimpleName(), e);
        }
        completion.usage().ifPresent(u -> usage.onUsage(null, settings.analysisModel(), u.promptTokens(), u.completionTokens()));
        if (completion.choices().isEmpty()) {
            throw new CallAnalysisException(name() + ": answer without choices");
        }
        var message = completion.choices().getFirst().message();
        if (message.refusal().isPresent()) {
            throw new CallAnalysisException(name() + ": the model refused");
        }
        return message.content().orElse("");
    }

    @SuppressWarnings("deprecation")
    private static void legacyMaxTokens(ChatCompletionCreateParams.Builder b) {
        b.maxTokens(ANALYSIS_MAX_TOKENS);
    }

    static ResponseFormatJsonSchema sentimentFormat() {
        Map<String, Object> schema = Map.of(
                "type", "object",
                "properties", Map.of(
                        "label", Map.of("type", "string", "enum", List.of("positive", "neutral", "negative")),
                        "score", Map.of("type", "number", "description", "-1 very negative … 1 very positive"),
                        "reason", Map.of("type", "string", "description", "one line, at most 20 words")),
                "required", List.of("label", "score", "reason"),
                "additionalProperties", false);
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder s = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        schema.forEach((k, v) -> s.putAdditionalProperty(k, JsonValue.from(v)));
        return ResponseFormatJsonSchema.builder()
                .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name("call_sentiment")
                        .strict(true)
                        .schema(s.build())
                        .build())
                .build();
    }

    private String name() {
        return settings.providerName();
    }

    /** Whitespace (newlines too) collapsed to single spaces, cut at {@code max} characters. */
    static String oneLine(String s, int max) {
        String flat = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }
}
