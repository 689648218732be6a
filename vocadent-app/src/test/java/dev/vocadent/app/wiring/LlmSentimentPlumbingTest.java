package dev.vocadent.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.SentimentLabel;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.postcall.CallAnalysis;
import dev.vocadent.postcall.Channel;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.TranscriptEntry;
import dev.vocadent.providers.openai.OpenAiBrainFactory;
import dev.vocadent.providers.openai.OpenAiCallAnalyzer;
import dev.vocadent.providers.openai.UsageListener;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LLM sentiment path (post-call's {@link LlmSentimentAnalyzer} over {@link OpenAiCallAnalyzer}) run over
 * the labelled sentiment sets against a local OpenAI-compatible server scripted with the hand labels.
 * No real model is reachable here, so this proves <em>plumbing only</em>: every call's readable transcript
 * (all caller lines) reaches the model in a strict-JSON-schema request at temperature 0, and every
 * answer is parsed back into the right label for the right call. It says nothing about how well a real
 * model rates sentiment. Report: target/llm-sentiment-plumbing-&lt;set&gt;.md.
 */
class LlmSentimentPlumbingTest {
    record Labelled(String id, SentimentLabel label, List<String> caller) {}

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Map<SentimentLabel, Double> SCORES = Map.of(
            SentimentLabel.POSITIVE, 0.7, SentimentLabel.NEUTRAL, 0.0, SentimentLabel.NEGATIVE, -0.65);

    private final Map<String, SentimentLabel> script = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<JsonNode> sentimentRequests = new CopyOnWriteArrayList<>();
    private Javalin server;

    @BeforeEach
    void start() {
        server = Javalin.create(c -> c.showJavalinBanner = false).post("/v1/chat/completions", ctx -> {
            JsonNode body = Json.mapper().readTree(ctx.body());
            String user = body.at("/messages/1/content").asText();
            String content;
            if (body.has("response_format")) {
                sentimentRequests.add(body);
                SentimentLabel label = script.get(firstCallerLine(user));
                if (label == null) {
                    problems.add("no scripted call matches the transcript sent: " + user);
                    ctx.status(400).result("{\"error\":{\"message\":\"unknown transcript\"}}");
                    return;
                }
                content = Json.write(Map.of("label", label.wireName(), "score", SCORES.get(label),
                        "reason", "Scripted answer for this call."));
            } else {
                content = "Scripted summary of the call.";
            }
            ctx.contentType("application/json").result(completion(content));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"holdout", "test", "dev"})
    void everyLabelledCallReachesTheScriptedModelAndItsAnswerIsParsedBackForThatCall(String set) throws Exception {
        List<Labelled> calls = load(set);
        calls.forEach(c -> script.put(c.caller().getFirst(), c.label()));
        Map<String, Object> s = Map.of("data-dir", Files.createTempDirectory("llm-eval").toString(), "llm.provider", "openai",
                "llm.openai.api-key", "sk-test", "llm.openai.base-url", "http://127.0.0.1:" + server.port() + "/v1",
                "llm.model", "gpt-test");
        int[][] matrix = new int[3][3];
        int correct = 0;
        List<String> misses = new ArrayList<>();
        try (OpenAiCallAnalyzer openAi = OpenAiBrainFactory.analyzer(Settings.load(s), UsageListener.NONE).orElseThrow()) {
            LlmSentimentAnalyzer analyzer = new LlmSentimentAnalyzer(openAi, "openai:gpt-test");
            for (Labelled c : calls) {
                CallAnalysis a = analyzer.analyze(call(c));
                SentimentLabel got = a.sentiment().label();
                matrix[c.label().ordinal()][got.ordinal()]++;
                if (got == c.label()) {
                    correct++;
                } else {
                    misses.add(c.id() + ": expected " + c.label().wireName() + ", got " + got.wireName());
                }
                assertThat(a.sentiment().score()).isEqualTo(SCORES.get(c.label()));
                assertThat(a.summary()).isEqualTo("Scripted summary of the call.");
                String sent = sentimentRequests.getLast().at("/messages/1/content").asText();
                assertThat(sent).as("the transcript sent for " + c.id()).contains(c.caller().stream().map(l -> "caller: " + l).toList());
            }
        }
        write(set, calls.size(), correct, matrix, misses);
        assertThat(problems).isEmpty();
        assertThat(sentimentRequests).hasSize(calls.size()).allSatisfy(r -> {
            assertThat(r.path("model").asText()).isEqualTo("gpt-test");
            assertThat(r.path("temperature").asDouble()).isZero();
            assertThat(r.at("/response_format/type").asText()).isEqualTo("json_schema");
            assertThat(r.at("/response_format/json_schema/strict").asBoolean()).isTrue();
            assertThat(r.at("/messages/0/role").asText()).isEqualTo("system");
        });
        assertThat(correct).as("plumbing: every scripted answer comes back for its own call").isEqualTo(calls.size());
    }

    /** A call as post-call gets it: the agent's lines between the caller's. */
    private static FinishedCall call(Labelled c) {
        List<TranscriptEntry> t = new ArrayList<>();
        t.add(TranscriptEntry.agent(T0, "Hello, you're through to Westbury Dental. How can I help?"));
        int s = 2;
        for (String line : c.caller()) {
            t.add(TranscriptEntry.caller(T0.plusSeconds(s), line));
            t.add(TranscriptEntry.agent(T0.plusSeconds(s + 3), "Okay."));
            s += 8;
        }
        return new FinishedCall("eval-" + c.id(), Channel.CHAT, DemoClinics.westbury(), null, T0, T0.plusSeconds(s),
                CallOutcome.ENQUIRY_ONLY, null, null, null, null, null, null, null, null, null, null, t, List.of(), Usage.NONE, null);
    }

    private static String firstCallerLine(String transcript) {
        for (String line : transcript.split("\n")) {
            int at = line.indexOf("] caller: ");
            if (at >= 0) {
                return line.substring(at + "] caller: ".length());
            }
        }
        return "";
    }

    static List<Labelled> load(String set) throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LlmSentimentPlumbingTest.class.getResourceAsStream("/sentiment/" + set + ".jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = Json.mapper().readTree(line);
                    List<String> caller = new ArrayList<>();
                    n.get("caller").forEach(x -> caller.add(x.asText()));
                    out.add(new Labelled(n.get("id").asText(), SentimentLabel.parse(n.get("label").asText()), caller));
                }
            }
        }
        return out;
    }

    private static void write(String set, int total, int correct, int[][] m, List<String> misses) throws Exception {
        StringBuilder b = new StringBuilder("# LLM sentiment path, scripted model (plumbing only), " + set + " set\n\n");
        b.append(String.format("accuracy %d/%d = %.1f%%%n%n", correct, total, 100.0 * correct / total));
        b.append("| actual \\ predicted | positive | neutral | negative |\n|---|---|---|---|\n");
        SentimentLabel[] ls = SentimentLabel.values();
        for (int a = 0; a < 3; a++) {
            b.append("| ").append(ls[a].wireName());
            for (int p = 0; p < 3; p++) {
                b.append(" | ").append(m[a][p]);
            }
            b.append(" |\n");
        }
        misses.forEach(x -> b.append("- ").append(x).append('\n'));
        Path out = Path.of("target", "llm-sentiment-plumbing-" + set + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
        System.out.println(b);
    }

    private static String completion(String content) {
        ObjectNode c = Json.mapper().createObjectNode().put("id", "chatcmpl-eval").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "gpt-test");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putNull("logprobs");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        c.putObject("usage").put("prompt_tokens", 90).put("completion_tokens", 20).put("total_tokens", 110);
        return Json.write(c);
    }
}
