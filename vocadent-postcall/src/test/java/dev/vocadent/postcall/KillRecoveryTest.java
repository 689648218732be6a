package dev.vocadent.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.json.Json;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker is killed with SIGKILL after calls ended and before their delivery finished; a second
 * worker on the same outbox delivers everything, and every destination gets each call exactly once.
 */
class KillRecoveryTest {
    static final int CALLS = 4;
    @TempDir Path dir;
    Javalin server;
    final Map<String, AtomicInteger> slack = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> backendPosts = new ConcurrentHashMap<>();
    final Map<String, String> backendStored = new ConcurrentHashMap<>();
    final AtomicInteger slackRequests = new AtomicInteger();
    volatile CountDownLatch holdSlack = new CountDownLatch(0);
    final CountDownLatch slackHeld = new CountDownLatch(1);
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = Javalin.create(c -> c.showJavalinBanner = false)
                .post("/services/hook", ctx -> {
                    slackRequests.incrementAndGet();
                    if (holdSlack.getCount() > 0) {
                        slackHeld.countDown();
                        holdSlack.await(60, TimeUnit.SECONDS);
                        ctx.status(503).result("worker gone");
                        return;
                    }
                    JsonNode msg = Json.mapper().readTree(ctx.body());
                    String session = msg.toString().replaceAll(".*Session `([^`]+)`.*", "$1");
                    slack.computeIfAbsent(session, k -> new AtomicInteger()).incrementAndGet();
                    ctx.result("ok");
                })
                .post("/calls", ctx -> {
                    String session = Json.mapper().readTree(ctx.body()).get("session_id").asText();
                    backendPosts.computeIfAbsent(session, k -> new AtomicInteger()).incrementAndGet();
                    backendStored.putIfAbsent(session, ctx.body());
                    ctx.status(201);
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void tearDown() {
        holdSlack.countDown();
        children.forEach(Process::destroyForcibly);
        server.stop();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Process child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xshare:auto", KillChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        children.add(p);
        return p;
    }

    static String awaitLine(Process p, String prefix, long seconds) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            if (line.startsWith(prefix) || line.startsWith("TIMEOUT")) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child did not print " + prefix + "; output:\n" + seen);
    }

    static void kill9(Process p) throws Exception {
        new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    void assertEveryCallArrivedExactlyOnce() throws Exception {
        assertThat(slack).hasSize(CALLS).allSatisfy((s, n) -> assertThat(n.get()).as("slack " + s).isEqualTo(1));
        assertThat(backendStored).hasSize(CALLS);
        assertThat(backendPosts).allSatisfy((s, n) -> assertThat(n.get()).as("backend posts " + s).isBetween(1, 2));
        for (int i = 0; i < CALLS; i++) {
            assertThat(dir.resolve("recordings/westbury/2026/03/03/kill-" + i + ".ogg")).exists();
            assertThat(dir.resolve("recordings/westbury/2026/03/03/kill-" + i + ".json")).exists();
        }
        try (var s = Files.list(dir.resolve("outbox/pending"))) {
            assertThat(s).isEmpty();
        }
        try (var s = Files.list(dir.resolve("outbox/parked"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void killedWithDeliveriesInFlightARestartedWorkerDeliversEachCallOnce() throws Exception {
        holdSlack = new CountDownLatch(1);
        Process first = child("submit", dir.toString(), String.valueOf(CALLS), base() + "/services/hook", base() + "/calls");
        assertThat(awaitLine(first, "SUBMITTED", 120)).isEqualTo("SUBMITTED");
        assertThat(slackHeld.await(60, TimeUnit.SECONDS)).as("first Slack delivery under way").isTrue();
        kill9(first);
        holdSlack.countDown();
        assertThat(slack).as("nothing reached Slack before the kill").isEmpty();

        Process second = child("deliver", dir.toString(), base() + "/services/hook", base() + "/calls");
        assertThat(awaitLine(second, "DONE", 120)).isEqualTo("DONE");
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertEveryCallArrivedExactlyOnce();
    }

    @Test
    void killedRightAfterTheCallsEndedBeforeAnyDeliveryNothingIsLost() throws Exception {
        Process first = child("submit", dir.toString(), String.valueOf(CALLS), base() + "/services/hook", base() + "/calls", "no-sender");
        assertThat(awaitLine(first, "SUBMITTED", 120)).isEqualTo("SUBMITTED");
        kill9(first);
        assertThat(slackRequests.get()).isZero();
        assertThat(backendPosts).isEmpty();

        Process second = child("deliver", dir.toString(), base() + "/services/hook", base() + "/calls");
        assertThat(awaitLine(second, "DONE", 120)).isEqualTo("DONE");

        assertEveryCallArrivedExactlyOnce();
        assertThat(backendPosts).allSatisfy((s, n) -> assertThat(n.get()).isEqualTo(1));
    }
}
