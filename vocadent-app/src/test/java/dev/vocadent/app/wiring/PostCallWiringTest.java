package dev.vocadent.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.api.SentimentLabel;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.postcall.CallAnalysis;
import dev.vocadent.postcall.Channel;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.Receipt;
import dev.vocadent.providers.openai.CallAnalyzer;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostCallWiringTest {
    @TempDir
    Path dir;

    private final List<HttpBackendClient> clients = new CopyOnWriteArrayList<>();
    private Javalin llm;

    @AfterEach
    void stop() {
        clients.forEach(HttpBackendClient::close);
        if (llm != null) {
            llm.stop();
        }
    }

    private Map<String, Object> settings(String... more) {
        Map<String, Object> m = new HashMap<>(Map.of("data-dir", dir.toString(), "postcall.poll-interval", "50ms",
                "llm.provider", "openai", "llm.openai.api-key", ""));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    /** A session over the demo clinic that has greeted, heard one line, answered and been hung up on. */
    private CallSession endedSession() {
        CallSession s = session(ScriptedBrain.named("s").turn(t -> t.say("We open at 9, and I'm sorry about the wait.")).build());
        s.start();
        s.callerSaid("I'm really annoyed, nobody called me back. When do you open?");
        s.callerLeft();
        s.ended().join();
        return s;
    }

    private CallSession session(ScriptedBrain brain) {
        HttpBackendClient unused = HttpBackendClient.create(URI.create("http://127.0.0.1:9"), "westbury", "t");
        clients.add(unused);
        return CallSession.builder(new CallState("sip-test-1", null, DemoClinics.westbury(), "+447700900123"))
                .backend(unused).brain(brain).callControl(new CallControl() {
                    @Override
                    public void hangUp(String reason) {}

                    @Override
                    public CompletableFuture<Boolean> transfer(String number) {
                        return CompletableFuture.completedFuture(false);
                    }
                }).build();
    }

    @Test
    void aSessionThatHasNotEndedIsRefusedAndNothingIsQueued() {
        try (PostCallWiring w = PostCallWiring.open(Settings.load(settings()), null, name -> null, Clock.systemUTC())) {
            CallSession live = session(ScriptedBrain.named("s").build());
            Instant now = Instant.now();
            assertThatThrownBy(() -> w.submit(live, Channel.SIP, now, now, List.of(), Usage.NONE, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has not ended");
            assertThat(w.postCall().journal().pending()).isEmpty();
            CallSession ended = endedSession();
            assertThatThrownBy(() -> w.submit(ended, Channel.CHAT, now, now.minusSeconds(1), List.of(), Usage.NONE, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ended_at");
            assertThat(w.postCall().journal().pending()).isEmpty();
        }
    }

    @Test
    void anEndedSessionIsQueuedWithItsTranscriptAndTheOfflineAnalyserWithoutAnLlmKey() throws Exception {
        try (PostCallWiring w = PostCallWiring.open(Settings.load(settings()), null, name -> null, Clock.systemUTC())) {
            CallSession s = endedSession();
            Instant start = s.state().transcript().getFirst().at();
            Receipt r = w.submit(s, Channel.SIP, start, start.plusSeconds(42), List.of(), new Usage(0, 0, 120, 30.5), null);
            assertThat(w.awaitFirstAttempts(s.sessionId(), Duration.ofSeconds(60)))
                    .extracting(i -> i.kind().wireName()).containsOnly("slack"); // westbury's webhook env is unset → parked
            JsonNode doc = Json.mapper().readTree(Files.readString(Path.of(r.transcriptLocation())));
            assertThat(doc.get("channel").asText()).isEqualTo("sip");
            assertThat(doc.toString()).contains("nobody called me back").contains("We open at 9");
            assertThat(doc.get("summary").asText()).contains("hung up before anything was arranged"); // offline template
            assertThat(doc.at("/sentiment/reason").asText()).startsWith("caller was unhappy");
        }
    }

    @Test
    void withAnLlmKeySentimentAndSummaryComeFromTheModel() throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        llm = Javalin.create(c -> c.showJavalinBanner = false).post("/v1/chat/completions", ctx -> {
            JsonNode body = Json.mapper().readTree(ctx.body());
            requests.add(body);
            String content = body.has("response_format")
                    ? "{\"label\":\"negative\",\"score\":-0.6,\"reason\":\"Annoyed about a missed callback.\"}"
                    : "Caller annoyed about a missed callback asked for opening hours; please ring back.";
            ctx.contentType("application/json").result(completion(content));
        }).start("127.0.0.1", 0);
        Map<String, Object> s = settings("llm.openai.api-key", "sk-test",
                "llm.openai.base-url", "http://127.0.0.1:" + llm.port() + "/v1", "llm.model", "gpt-test");
        try (PostCallWiring w = PostCallWiring.open(Settings.load(s), null, name -> null, Clock.systemUTC())) {
            CallSession session = endedSession();
            Instant start = session.state().transcript().getFirst().at();
            Receipt r = w.submit(session, Channel.LIVEKIT, start, start.plusSeconds(30), List.of(), Usage.NONE, null);
            w.awaitFirstAttempts(session.sessionId(), Duration.ofSeconds(60));
            JsonNode doc = Json.mapper().readTree(Files.readString(Path.of(r.transcriptLocation())));
            assertThat(doc.toString()).contains("Caller annoyed about a missed callback asked for opening hours")
                    .contains("Annoyed about a missed callback.");
            assertThat(requests).hasSize(2);
            assertThat(requests.getFirst().at("/messages/1/content").asText()).contains("nobody called me back");
        }
    }

    @Test
    void llmTokensTheBrainReportedForTheCallFillTheUsageWhenTheChannelCountedNone() {
        try (PostCallWiring w = PostCallWiring.open(Settings.load(settings()), null, name -> null, Clock.systemUTC())) {
            CallSession s = endedSession();
            w.llmUsage().onUsage(s.sessionId(), "gpt-test", 100, 20);
            w.llmUsage().onUsage(s.sessionId(), "gpt-test", 50, 5);
            w.llmUsage().onUsage("other-call", "gpt-test", 999, 999);
            w.llmUsage().onUsage(null, "gpt-test", 7, 7);
            Instant t = Instant.parse("2026-03-03T10:00:00Z");
            FinishedCall c = w.finishedCall(s.state(), Channel.SIP, t, t.plusSeconds(5), List.of(), new Usage(0, 0, 300, 12.5), null);
            assertThat(c.usage()).isEqualTo(new Usage(150, 25, 300, 12.5));
            // taken once: a second build has none left, and explicit tokens are kept as given
            assertThat(w.finishedCall(s.state(), Channel.SIP, t, t, List.of(), new Usage(3, 4, 0, 0), null).usage())
                    .isEqualTo(new Usage(3, 4, 0, 0));
            assertThat(w.llmUsage().take(s.sessionId())).isEqualTo(Usage.NONE);
        }
    }

    @Test
    void theLlmAdapterAnalysesTheReadableTranscriptAndRefusesAnEmptyOne() {
        List<String> seen = new CopyOnWriteArrayList<>();
        CallAnalyzer fake = new CallAnalyzer() {
            @Override
            public Sentiment sentiment(String transcript) {
                seen.add(transcript);
                return new Sentiment(SentimentLabel.POSITIVE, 0.7, "thankful");
            }

            @Override
            public String summary(String transcript) {
                return "Booked.";
            }
        };
        LlmSentimentAnalyzer a = new LlmSentimentAnalyzer(fake, "openai:gpt-test");
        try (PostCallWiring w = PostCallWiring.open(Settings.load(settings()), null, name -> null, Clock.systemUTC())) {
            CallSession s = endedSession();
            Instant t = Instant.parse("2026-03-03T10:00:00Z");
            CallAnalysis result = a.analyze(w.finishedCall(s.state(), Channel.SIP, t, t.plusSeconds(5), List.of(), null, null));
            assertThat(result).isEqualTo(new CallAnalysis(new Sentiment(SentimentLabel.POSITIVE, 0.7, "thankful"), "Booked.",
                    "openai:gpt-test"));
            assertThat(seen.getFirst()).contains("caller: I'm really annoyed").contains("agent: We open at 9");
            FinishedCall empty = new FinishedCall("x", Channel.SIP, DemoClinics.westbury(), null, t, t, null, null, null, null,
                    null, null, null, null, null, null, null, List.of(), List.of(), null, null);
            assertThatThrownBy(() -> a.analyze(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no transcript");
        }
    }

    private static String completion(String content) {
        ObjectNode c = Json.mapper().createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "gpt-test");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putNull("logprobs");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        c.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
        return Json.write(c);
    }
}
