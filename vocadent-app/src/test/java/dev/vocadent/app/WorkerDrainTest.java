package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.livekit.fake.FakeLiveKitServer;
import dev.vocadent.livekit.fake.FakeRoom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.WorkerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vocadent worker} in its own JVM against the fake LiveKit server: SIGTERM while a call runs makes
 * the worker report itself full and take no job, lets the call finish, then exits 0; a call that
 * outlasts the drain timeout is cut off and the exit code is 1.
 */
class WorkerDrainTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigtermDrainsTheRunningCallThenExitsZero() throws Exception {
        try (FakeLiveKitServer server = new FakeLiveKitServer()) {
            Process p = startWorker(server, "10m");
            try {
                await(() -> !server.workers().isEmpty(), 180, p, "the worker registers");
                var worker = server.workers().getFirst();
                await(() -> worker.status == WorkerStatus.WS_AVAILABLE, 60, p, "the worker is available");
                FakeRoom room = server.createRoom("westbury.+447700900123_drain", Map.of("sip.phoneNumber", "+447700900123"));
                assertThat(server.dispatch("JD1", room.name, Map.of("sip.phoneNumber", "+447700900123"))).isPresent();
                await(() -> room.heardLoudSamples() > 4_800, 60, p, "the caller hears the greeting");

                int before = worker.statusUpdates.size();
                p.destroy(); // SIGTERM
                // draining: full with one call of 20 and a load threshold of 1 (load alone never makes it full)
                await(() -> worker.statusUpdates.stream().skip(before).anyMatch(u -> u.getStatus() == WorkerStatus.WS_FULL
                        && u.getJobCount() == 1), 30, p, "the worker reports itself full while draining");
                assertThat(server.dispatch("JD2", "westbury.+447700900124_late", Map.of())).as("no job for a draining worker").isEmpty();
                Thread.sleep(1_000);
                assertThat(p.isAlive()).as("the worker waits for its running call").isTrue();
                assertThat(server.jobUpdates()).noneMatch(u -> u.getJobId().equals("JD1") && u.getStatus() == JobStatus.JS_SUCCESS);

                room.callerHangsUp();
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(log()).isTrue();
                assertThat(p.exitValue()).as(log()).isZero();
                assertThat(server.jobUpdates()).anyMatch(u -> u.getJobId().equals("JD1") && u.getStatus() == JobStatus.JS_SUCCESS);
                assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("drained, all calls ended");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aCallOutlastingTheDrainTimeoutIsCutOffAndTheExitCodeSaysSo() throws Exception {
        try (FakeLiveKitServer server = new FakeLiveKitServer()) {
            Process p = startWorker(server, "2s");
            try {
                await(() -> !server.workers().isEmpty(), 180, p, "the worker registers");
                var worker = server.workers().getFirst();
                await(() -> worker.status == WorkerStatus.WS_AVAILABLE, 60, p, "the worker is available");
                FakeRoom room = server.createRoom("westbury.+447700900123_cut", Map.of("sip.phoneNumber", "+447700900123"));
                assertThat(server.dispatch("JC1", room.name, Map.of("sip.phoneNumber", "+447700900123"))).isPresent();
                await(() -> room.heardLoudSamples() > 4_800, 60, p, "the caller hears the greeting");

                long sent = System.nanoTime();
                p.destroy(); // SIGTERM; the caller stays on the line
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).as("waited for the drain timeout").isGreaterThanOrEqualTo(2_000);
                assertThat(p.exitValue()).as(log()).isEqualTo(1);
                assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("vocadent: drain timed out after PT2S");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    private Process startWorker(FakeLiveKitServer server, String drainTimeout) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.vocadent.app.Main", "worker", "--demo", "--brain", "offline", "--health-port", "0", "--load-threshold", "1",
                "--drain-timeout", drainTimeout);
        pb.environment().put("LIVEKIT_URL", server.url());
        pb.environment().put("LIVEKIT_API_KEY", FakeLiveKitServer.API_KEY);
        pb.environment().put("LIVEKIT_API_SECRET", FakeLiveKitServer.API_SECRET);
        pb.environment().put("VOCADENT_DATA_DIR", dir.resolve("data").toString());
        pb.environment().remove("OPENAI_API_KEY");
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        return pb.start();
    }

    private void await(BooleanSupplier condition, int seconds, Process p, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; worker alive: " + p.isAlive() + "\n" + log());
            }
            Thread.sleep(50);
        }
    }

    private String log() {
        try {
            String err = Files.readString(dir.resolve("stderr.txt"));
            return Files.readString(dir.resolve("stdout.txt")) + "\n" + err.substring(Math.max(0, err.length() - 6000));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
