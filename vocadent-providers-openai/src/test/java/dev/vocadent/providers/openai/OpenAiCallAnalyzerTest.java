package dev.vocadent.providers.openai;

import static dev.vocadent.providers.openai.FakeChatServer.json;
import static dev.vocadent.providers.openai.FakeChatServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.api.SentimentLabel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCallAnalyzerTest {
    private static final String TRANSCRIPT = """
            agent: Good morning, Westbury Dental, how can I help?
            caller: Hi, I've had toothache for two days and nobody called me back yesterday.
            agent: I'm sorry to hear that. I can book you in tomorrow at 9:30.
            caller: Fine, thanks.""";

    private FakeChatServer server;
    private OpenAiCallAnalyzer analyzer;
    private final List<String> usage = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new FakeChatServer();
        analyzer = new OpenAiCallAnalyzer(TestSettings.openAi(server.baseUrl()),
                (session, model, in, out) -> usage.add(session + "/" + model + "/" + in + "/" + out));
    }

    @AfterEach
    void stop() {
        analyzer.close();
        server.close();
    }

    @Test
    void sentimentAsksForAStrictJsonSchemaAndReturnsLabelScoreAndReason() throws Exception {
        server.enqueue(json(Chunks.completion(
                "{\"label\":\"negative\",\"score\":-0.4,\"reason\":\"Frustrated by a missed callback,\\nthen satisfied.\"}",
                210, 30)));

        Sentiment s = analyzer.sentiment(TRANSCRIPT);

        assertThat(s).isEqualTo(new Sentiment(SentimentLabel.NEGATIVE, -0.4, "Frustrated by a missed callback, then satisfied."));
        JsonNode body = server.request(0).body();
        assertThat(server.request(0).path()).isEqualTo("/v1/chat/completions");
        assertThat(body.path("stream").asBoolean(false)).isFalse();
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("call_sentiment");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("label", "score", "reason");
        assertThat(schema.path("properties").path("label").path("enum")).extracting(JsonNode::asText)
                .containsExactly("positive", "neutral", "negative");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo(TRANSCRIPT);
        assertThat(usage).containsExactly("null/gpt-test/210/30");
    }

    @Test
    void sentimentAnswerOutOfShapeIsACallAnalysisException() {
        server.enqueue(
                json(Chunks.completion("{\"label\":\"furious\",\"score\":-0.9,\"reason\":\"x\"}", 1, 1)),
                json(Chunks.completion("{\"label\":\"negative\",\"score\":-7,\"reason\":\"x\"}", 1, 1)),
                json(Chunks.completion("{\"label\":\"negative\"}", 1, 1)),
                json(Chunks.completion("I think the caller was upset.", 1, 1)));

        assertThatThrownBy(() -> analyzer.sentiment(TRANSCRIPT)).isInstanceOf(CallAnalysisException.class)
                .hasMessageContaining("label");
        assertThatThrownBy(() -> analyzer.sentiment(TRANSCRIPT)).isInstanceOf(CallAnalysisException.class)
                .hasMessageContaining("score -7.0 is outside [-1, 1]");
        assertThatThrownBy(() -> analyzer.sentiment(TRANSCRIPT)).isInstanceOf(CallAnalysisException.class)
                .hasMessageContaining("lacks label, score or reason");
        assertThatThrownBy(() -> analyzer.sentiment(TRANSCRIPT)).isInstanceOf(CallAnalysisException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void summaryIsOneParagraphWithoutResponseFormat() {
        server.enqueue(json(Chunks.completion(
                "A caller with two days of toothache,\n\nannoyed at a missed callback, was booked for tomorrow 9:30.  ", 200, 40)));

        String summary = analyzer.summary(TRANSCRIPT);

        assertThat(summary).isEqualTo("A caller with two days of toothache, annoyed at a missed callback, was booked for tomorrow 9:30.");
        assertThat(server.request(0).body().has("response_format")).isFalse();
        assertThat(server.request(0).body().path("messages").get(0).path("content").asText()).contains("one plain-text paragraph");
    }

    @Test
    void emptyTranscriptIsRejectedWithoutCallingTheModel() {
        assertThatThrownBy(() -> analyzer.sentiment("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transcript is empty: nothing to analyse");
        assertThatThrownBy(() -> analyzer.summary(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void providerErrorsAndEmptySummariesAreCallAnalysisExceptions() {
        server.enqueue(status(500, "boom"), json(Chunks.completion("   ", 1, 0)));

        assertThatThrownBy(() -> analyzer.summary(TRANSCRIPT)).isInstanceOf(CallAnalysisException.class)
                .hasMessage("openai: HTTP 500");
        assertThatThrownBy(() -> analyzer.summary(TRANSCRIPT)).isInstanceOf(CallAnalysisException.class)
                .hasMessage("openai: empty summary");
    }
}
