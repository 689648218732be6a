package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.vocadent.app.wiring.PostCallWiring;
import dev.vocadent.core.settings.Settings;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vocadent chat} hands the ended call to post-call: call record, transcript, Slack, outbox. */
class ChatPostCallTest {
    static EmbeddedBackend backend;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** A Slack incoming webhook on loopback: answers {@code status}, keeps the bodies it accepted. */
    final List<String> slackBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger slackRequests = new AtomicInteger();
    volatile int slackStatus = 200;
    Javalin slack;

    @BeforeAll
    static void startBackend() {
        backend = EmbeddedBackend.startDemo(shared.resolve("backend"), ChatCommandTest.CLOCK);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void startSlack() {
        slack = Javalin.create(c -> c.showJavalinBanner = false).post("/services/hook", ctx -> {
            slackRequests.incrementAndGet();
            if (slackStatus == 200) {
                slackBodies.add(ctx.body());
                ctx.result("ok");
            } else {
                ctx.status(slackStatus).result("unavailable");
            }
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stopSlack() {
        slack.stop();
    }

    String slackUrl() {
        return "http://127.0.0.1:" + slack.port() + "/services/hook";
    }

    ChatCommandTest.Run chat(Function<String, String> env, String input, String... args) {
        return chat(ChatPostCall.opener(env), input, args);
    }

    ChatCommandTest.Run chat(ChatPostCall.Opener opener, String input, String... args) {
        ScriptedBrain brain = ChatCommandTest.bookingBrain();
        Function<String, Brain> brains = name -> brain;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        ChatCommand cmd = new ChatCommand(brains, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), ChatCommandTest.CLOCK, dir);
        cmd.postCall = opener;
        int exit = new CommandLine(cmd).setExecutionExceptionHandler(new UserErrorHandler())
                .setErr(new PrintWriter(err, true)).execute(args);
        return new ChatCommandTest.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    static final String BOOKING = "I'd like an NHS check-up\nJane Smith, 12 April 1985\nThat's all, thanks\n";

    String[] westbury(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--clinic", "westbury", "--backend-url", backend.baseUrl().toString(),
                "--token", DemoClinics.WESTBURY_TOKEN, "--caller", "07700 900123"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static long callsRecorded() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(backend.baseUrl()
                            + "/analytics/summary?from=2026-01-01&to=2026-12-31"))
                    .header("Authorization", "Bearer " + DemoClinics.WESTBURY_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return Json.mapper().readTree(r.body()).get("total_calls").asLong();
        }
    }

    @Test
    void aChatCallReachesTheBackendTheTranscriptStoreAndTheClinicsSlack() throws Exception {
        long before = callsRecorded();
        ChatCommandTest.Run r = chat(Map.of("VOCADENT_SLACK_WEBHOOK_WESTBURY", slackUrl())::get, BOOKING, westbury("--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).extracting(l -> l.get("type").asText()).endsWith("end", "postcall");
        JsonNode post = lines.getLast();
        assertThat(post.get("pending").asInt()).as(post.toString()).isZero();
        assertThat(post.get("recording_path").isNull()).isTrue();
        assertThat(post.at("/slack/blocks").isArray()).isTrue();

        assertThat(callsRecorded()).isEqualTo(before + 1);
        Path transcript = Path.of(post.get("transcript_path").asText());
        assertThat(transcript).startsWith(dir).isRegularFile();
        JsonNode doc = Json.mapper().readTree(Files.readString(transcript));
        assertThat(doc.get("outcome").asText()).isEqualTo("booked");
        assertThat(doc.get("channel").asText()).isEqualTo("chat");
        assertThat(doc.toString()).contains("book_appointment").contains("I'd like an NHS check-up");

        assertThat(slackBodies).hasSize(1);
        JsonNode message = Json.mapper().readTree(slackBodies.getFirst());
        assertThat(message.get("blocks").isArray()).isTrue();
        assertThat(message.toString()).contains("booked").doesNotContain("1985-04-12").doesNotContain("+447700900123");
        assertThat(Files.list(dir.resolve("outbox")).filter(p -> p.toString().endsWith(".json")).toList()).isEmpty();
    }

    @Test
    void plainModePrintsTheSlackMessageAndWhereTheTranscriptIsStored() throws Exception {
        ChatCommandTest.Run r = chat(Map.of("VOCADENT_SLACK_WEBHOOK_WESTBURY", slackUrl())::get, BOOKING, westbury());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("— call ended: booked").contains("--- Slack message ---")
                .contains("transcript: " + dir.resolve("recordings")).contains("post-call: delivered");
        assertThat(r.out().indexOf("--- Slack message ---")).isGreaterThan(r.out().indexOf("— call ended"));
        assertThat(slackBodies).hasSize(1);
    }

    @Test
    void withoutAWebhookForTheClinicNothingIsSentToSlackAndTheItemIsParked() throws Exception {
        ChatCommandTest.Run r = chat(name -> null, BOOKING, westbury("--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode post = r.json().getLast();
        assertThat(post.get("type").asText()).isEqualTo("postcall");
        assertThat(post.get("pending").asInt()).isEqualTo(1);
        assertThat(slackRequests.get()).isZero();
        OutboxCommandTest.Run list = OutboxCommandTest.run("outbox", "--outbox-dir", dir.resolve("outbox").toString());
        assertThat(list.out()).contains("0 pending, 1 parked")
                .contains("environment variable VOCADENT_SLACK_WEBHOOK_WESTBURY is not set");
    }

    @Test
    void deliveriesNotDoneWhenTheChatExitsStayInTheOutboxForTheNextStart() throws Exception {
        slackStatus = 503;
        ChatCommandTest.Run r = chat(Map.of("VOCADENT_SLACK_WEBHOOK_WESTBURY", slackUrl())::get, BOOKING, westbury());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("post-call: 1 delivery not done yet, kept in " + dir.resolve("outbox"))
                .contains("vocadent outbox lists them").contains("slack: ");
        assertThat(slackRequests.get()).isEqualTo(1);

        OutboxCommandTest.Run list = OutboxCommandTest.run("outbox", "--outbox-dir", dir.resolve("outbox").toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("1 pending, 0 parked").containsPattern("pending +chat-[^ ]+\\.slack +slack +westbury +1 ");

        // the next process that starts post-call over the same data delivers it once Slack is back
        slackStatus = 200;
        Config settings = ConfigFactory.parseMap(Map.of("data-dir", dir.toString(), "postcall.poll-interval", "50ms"))
                .withFallback(Settings.load()).resolve();
        try (PostCallWiring next = PostCallWiring.open(settings, null, Map.of("VOCADENT_SLACK_WEBHOOK_WESTBURY", slackUrl())::get,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!next.postCall().journal().pending().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(next.postCall().journal().pending()).isEmpty();
        }
        assertThat(slackBodies).hasSize(1);
        assertThat(Json.mapper().readTree(slackBodies.getFirst()).get("blocks").isArray()).isTrue();
    }

    @Test
    void aBadPostCallSettingIsAOneLineErrorAndQueuesNothing() throws Exception {
        long before = callsRecorded();
        ChatPostCall.Opener bad = (s, d, b, c, clk) -> ChatPostCall.opener(name -> null).open(
                com.typesafe.config.ConfigFactory.parseMap(Map.of("llm.provider", "psychic")).withFallback(s), d, b, c, clk);
        ChatCommandTest.Run r = chat(bad, BOOKING, westbury());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("vocadent: post-call settings: llm.provider: 'psychic' is not one of auto, openai, azure, offline");
        assertThat(dir.resolve("outbox")).doesNotExist();
        assertThat(callsRecorded()).isEqualTo(before);

        ChatPostCall.Opener badWait = (s, d, b, c, clk) -> ChatPostCall.opener(name -> null).open(
                com.typesafe.config.ConfigFactory.parseMap(Map.of("postcall.chat-wait", "soon")).withFallback(s), d, b, c, clk);
        ChatCommandTest.Run r2 = chat(badWait, BOOKING, westbury());
        assertThat(r2.exit()).isEqualTo(2);
        assertThat(r2.err()).startsWith("vocadent: post-call settings: ").contains("chat-wait");
    }
}
