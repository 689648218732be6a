package dev.vocadent.livekit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.livekit.fake.FakeLiveKitServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import livekit.LivekitAgent.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentWorkerTest {
    final FakeLiveKitServer server = new FakeLiveKitServer();
    final List<AgentWorker> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(AgentWorker::close);
        server.close();
    }

    AgentWorker worker(JobHandler handler, double cpu, String secret) {
        WorkerOptions opts = new WorkerOptions(URI.create(server.url()), FakeLiveKitServer.API_KEY, secret,
                "vocadent", 0.7, 4, Duration.ofMillis(100), Duration.ofMillis(400));
        AgentWorker w = new AgentWorker(opts, handler, () -> cpu, "test");
        started.add(w);
        w.start();
        return w;
    }

    AgentWorker worker(JobHandler handler, double cpu) {
        return worker(handler, cpu, FakeLiveKitServer.API_SECRET);
    }

    @Test
    void registersAndRunsAnAssignedJobWithTheServersTokenAndCallerAttributes() throws Exception {
        List<JobContext> jobs = new CopyOnWriteArrayList<>();
        AgentWorker w = worker(jobs::add, 0.0);
        String id = w.registered().get(10, TimeUnit.SECONDS);
        assertThat(server.workers()).singleElement().satisfies(c -> assertThat(c.agentName).isEqualTo("vocadent"));

        assertThat(server.dispatch("J1", "westbury_+447700900123_abc", Map.of("sip.phoneNumber", "+447700900123"))).contains(id);

        Await.until(Duration.ofSeconds(5), () -> jobs.size() == 1);
        JobContext job = jobs.getFirst();
        assertThat(job.roomName()).isEqualTo("westbury_+447700900123_abc");
        assertThat(job.token()).isNotBlank();
        assertThat(job.serverUrl()).isEqualTo(server.url());
        assertThat(job.participantAttributes()).containsEntry("sip.phoneNumber", "+447700900123");
        assertThat(job.toString()).doesNotContain(job.token());
        Await.until(Duration.ofSeconds(5), () -> server.jobUpdates().stream()
                .anyMatch(u -> u.getJobId().equals("J1") && u.getStatus() == JobStatus.JS_SUCCESS));
        assertThat(server.jobUpdates()).extracting(u -> u.getStatus()).contains(JobStatus.JS_RUNNING);
    }

    @Test
    void aWorkerAtItsLoadThresholdDeclinesJobs() throws Exception {
        AgentWorker w = worker(job -> { }, 0.75);
        w.registered().get(10, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(5), () -> server.workers().getFirst().load >= 0.75f);
        // the server may still ask (e.g. before the first status arrives): the worker must say no
        server.workers().getFirst().status = livekit.LivekitAgent.WorkerStatus.WS_AVAILABLE;
        assertThat(server.dispatch("J2", "westbury_x", Map.of())).isEmpty();
        assertThat(w.activeJobs()).isZero();
    }

    @Test
    void aThresholdOfOneMeansOnlyMaxJobsLimitsNotTheCpu() throws Exception {
        CountDownLatch hangUp = new CountDownLatch(1);
        WorkerOptions opts = new WorkerOptions(URI.create(server.url()), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET,
                "vocadent", 1.0, 1, Duration.ofMillis(100), Duration.ofMillis(400));
        AgentWorker w = new AgentWorker(opts, job -> hangUp.await(), () -> 1.0, "test");
        started.add(w);
        w.start();
        w.registered().get(10, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(5), () -> server.workers().getFirst().load >= 1.0f);
        assertThat(server.workers().getFirst().status).isEqualTo(livekit.LivekitAgent.WorkerStatus.WS_AVAILABLE);
        assertThat(server.dispatch("J1", "westbury_cpu", Map.of())).isPresent();
        Await.until(Duration.ofSeconds(5), () -> server.workers().getFirst().status == livekit.LivekitAgent.WorkerStatus.WS_FULL);
        server.workers().getFirst().status = livekit.LivekitAgent.WorkerStatus.WS_AVAILABLE; // ask anyway
        assertThat(server.dispatch("J2", "westbury_cpu2", Map.of())).isEmpty();
        hangUp.countDown();
    }

    @Test
    void jobsGoToTheWorkerWithCapacity() throws Exception {
        AgentWorker busy = worker(job -> { }, 0.9);
        AgentWorker idle = worker(job -> Thread.sleep(200), 0.1);
        String busyId = busy.registered().get(10, TimeUnit.SECONDS);
        String idleId = idle.registered().get(10, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(5), () -> server.workers().stream().allMatch(c -> c.load > 0));
        for (int i = 0; i < 3; i++) {
            assertThat(server.dispatch("J" + i, "dental2_call" + i, Map.of())).contains(idleId);
        }
        assertThat(server.workers()).filteredOn(c -> c.id.equals(busyId)).singleElement()
                .satisfies(c -> assertThat(c.jobs).isEmpty());
    }

    @Test
    void drainStopsTakingJobsAndWaitsForRunningCalls() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch hangUp = new CountDownLatch(1);
        AgentWorker w = worker(job -> {
            inCall.countDown();
            hangUp.await();
        }, 0.0);
        w.registered().get(10, TimeUnit.SECONDS);
        assertThat(server.dispatch("J1", "westbury_a", Map.of())).isPresent();
        assertThat(inCall.await(5, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Boolean> drainedInTime = new AtomicReference<>();
        Thread drainer = Thread.ofVirtual().start(() -> {
            try {
                drainedInTime.set(w.drain(Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until(Duration.ofSeconds(5), () -> server.workers().getFirst().status == livekit.LivekitAgent.WorkerStatus.WS_FULL);
        server.workers().getFirst().status = livekit.LivekitAgent.WorkerStatus.WS_AVAILABLE; // ask anyway
        assertThat(server.dispatch("J2", "westbury_b", Map.of())).isEmpty();
        assertThat(drainer.isAlive()).isTrue();

        hangUp.countDown();
        drainer.join(5000);
        assertThat(drainedInTime.get()).isTrue();
        assertThat(w.activeJobs()).isZero();
    }

    @Test
    void serverTerminationInterruptsTheJob() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        AgentWorker w = worker(job -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }, 0.0);
        String id = w.registered().get(10, TimeUnit.SECONDS);
        server.dispatch("J9", "westbury_t", Map.of());
        Await.until(Duration.ofSeconds(5), () -> w.activeJobs() == 1);
        server.terminate(id, "J9");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        Await.until(Duration.ofSeconds(5), () -> w.activeJobs() == 0);
    }

    @Test
    void reconnectsAndRegistersAgainAfterTheServerDropsTheConnection() throws Exception {
        AgentWorker w = worker(job -> { }, 0.0);
        String first = w.registered().get(10, TimeUnit.SECONDS);
        server.dropConnections();
        Await.until(Duration.ofSeconds(10), () -> server.workers().size() == 1
                && !server.workers().getFirst().id.equals(first));
        assertThat(w.registered().get(5, TimeUnit.SECONDS)).isNotEqualTo(first);
    }

    @Test
    void aWorkerWithAWrongSecretIsRefusedAndNeverRegisters() throws Exception {
        AgentWorker w = worker(job -> { }, 0.0, "not-the-secret-but-long-enough-for-hs256");
        Thread.sleep(1500);
        assertThat(w.registered()).isNotDone();
        assertThat(server.workers()).isEmpty();
    }

    @Test
    void theAgentEndpointIsDerivedFromAnyLiveKitUrlForm() {
        WorkerOptions o = new WorkerOptions(URI.create("https://example.livekit.cloud/base/"), "k", "s", "a", 0.7, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(o.agentEndpoint()).hasToString("wss://example.livekit.cloud/base/agent");
        assertThat(o.toString()).doesNotContain("s]");
    }
}
