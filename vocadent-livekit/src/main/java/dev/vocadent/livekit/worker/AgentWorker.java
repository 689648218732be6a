package dev.vocadent.livekit.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vocadent.livekit.net.BinarySocket;
import io.livekit.server.AccessToken;
import io.livekit.server.Agent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerRequest;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.UpdateWorkerStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerStatus;
import livekit.LivekitModels.ParticipantPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LiveKit agent worker: registers with the server's agent endpoint, answers availability from
 * its real load, runs assigned jobs (one call each) on virtual threads, reports load and job
 * status, reconnects with backoff, and drains gracefully (stops taking jobs, finishes calls).
 */
public final class AgentWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentWorker.class);
    static final Duration ASSIGNMENT_TIMEOUT = Duration.ofMillis(7500);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final WorkerOptions options;
    private final JobHandler handler;
    private final LoadMonitor load;
    private final String version;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> reserved = new ConcurrentHashMap<>();
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final AtomicReference<BinarySocket> socket = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<String>> registration = new AtomicReference<>(new CompletableFuture<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("livekit-worker-status").daemon().factory());
    private final Object drained = new Object();
    private volatile boolean draining;
    private volatile boolean closed;
    private volatile String workerId;
    private Thread loop;

    public AgentWorker(WorkerOptions options, JobHandler handler, DoubleSupplier cpu, String version) {
        this.options = options;
        this.handler = handler;
        this.version = version;
        this.load = new LoadMonitor(() -> running.size() + reserved.size(), options.maxJobs(), cpu);
    }

    /** Starts connecting (and reconnecting) in the background. */
    public synchronized void start() {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        loop = Thread.ofPlatform().name("livekit-worker").daemon().start(this::connectLoop);
        long every = options.statusInterval().toMillis();
        timer.scheduleAtFixedRate(this::sendStatus, every, every, TimeUnit.MILLISECONDS);
    }

    /** Completes with the worker id once the current connection is registered. */
    public CompletableFuture<String> registered() {
        return registration.get();
    }

    public String workerId() {
        return workerId;
    }

    public int activeJobs() {
        return running.size();
    }

    public double load() {
        return load.load();
    }

    public boolean isDraining() {
        return draining;
    }

    /**
     * Stops taking jobs (reports itself full, declines requests) and waits up to {@code timeout} for
     * running calls to finish. Returns true when every call finished in time.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        log.info("draining: {} call(s) running, no new jobs", running.size());
        sendStatus();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drained) {
            while (!running.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                drained.wait(Math.min(left, 200));
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        running.values().forEach(Thread::interrupt);
        BinarySocket s = socket.getAndSet(null);
        if (s != null) {
            s.close();
        }
        if (loop != null) {
            loop.interrupt();
        }
    }

    private void connectLoop() {
        int attempt = 0;
        while (!closed) {
            try {
                runConnection();
                attempt = 0;
            } catch (RuntimeException e) {
                if (closed) {
                    break;
                }
                log.warn("LiveKit connection failed: {}", rootMessage(e));
            }
            if (closed) {
                break;
            }
            long max = options.maxBackoff().toMillis();
            long base = Math.min(max, 250L << Math.min(attempt, 10));
            long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
            attempt++;
            log.info("reconnecting to LiveKit in {} ms (attempt {})", delay, attempt);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runConnection() {
        CompletableFuture<String> reg = registration.get();
        if (reg.isDone()) {
            reg = new CompletableFuture<>();
            registration.set(reg);
        }
        workerId = null;
        BinarySocket s = BinarySocket.connect(http, options.agentEndpoint(), workerJwt(), CONNECT_TIMEOUT, this::onFrame);
        socket.set(s);
        try {
            s.send(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder()
                    .setType(JobType.JT_ROOM)
                    .setAgentName(options.agentName())
                    .setVersion(version)
                    .setAllowedPermissions(ParticipantPermission.newBuilder()
                            .setCanPublish(true).setCanSubscribe(true).setCanPublishData(true).setAgent(true)))
                    .build().toByteArray());
            workerId = reg.orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
            log.info("registered with LiveKit as worker {} (agent '{}')", workerId, options.agentName());
            sendStatus();
            String why = s.closed().join();
            if (!closed) {
                log.warn("LiveKit connection lost: {}", why);
            }
        } finally {
            socket.compareAndSet(s, null);
            s.close();
        }
    }

    private String workerJwt() {
        AccessToken token = new AccessToken(options.apiKey(), options.apiSecret());
        token.addGrants(new Agent(true));
        return token.toJwt();
    }

    private void onFrame(byte[] frame) {
        ServerMessage msg;
        try {
            msg = ServerMessage.parseFrom(frame);
        } catch (InvalidProtocolBufferException e) {
            log.warn("ignoring malformed message from LiveKit ({} bytes)", frame.length);
            return;
        }
        switch (msg.getMessageCase()) {
            case REGISTER -> registration.get().complete(msg.getRegister().getWorkerId());
            case AVAILABILITY -> answerAvailability(msg.getAvailability());
            case ASSIGNMENT -> startJob(msg.getAssignment());
            case TERMINATION -> terminate(msg.getTermination().getJobId());
            default -> { }
        }
    }

    private void answerAvailability(AvailabilityRequest req) {
        String jobId = req.getJob().getId();
        double current = load.load();
        boolean accept = !draining && !closed && !overThreshold(current)
                && running.size() + reserved.size() < options.maxJobs();
        AvailabilityResponse.Builder answer = AvailabilityResponse.newBuilder().setJobId(jobId).setAvailable(accept);
        if (accept) {
            reserved.put(jobId, System.nanoTime());
            answer.setParticipantIdentity("agent-" + jobId).setParticipantName("Vocadent");
            timer.schedule(() -> reserved.remove(jobId), ASSIGNMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("job {} for room {}: {} (load {})", jobId, req.getJob().getRoom().getName(),
                accept ? "accepted" : draining ? "declined, draining" : "declined, at capacity", String.format("%.2f", current));
        send(WorkerMessage.newBuilder().setAvailability(answer).build());
    }

    private void startJob(JobAssignment a) {
        String jobId = a.getJob().getId();
        if (reserved.remove(jobId) == null) {
            log.warn("assignment for job {} that this worker did not accept (or that timed out); ignoring", jobId);
            return;
        }
        var participant = a.getJob().hasParticipant() ? a.getJob().getParticipant().getAttributesMap() : Map.<String, String>of();
        JobContext ctx = new JobContext(jobId, a.getJob().getRoom().getName(),
                a.hasUrl() && !a.getUrl().isBlank() ? a.getUrl() : options.url().toString(),
                a.getToken(), a.getJob().getMetadata(), participant);
        Thread t = Thread.ofVirtual().name("job-" + jobId).unstarted(() -> runJob(ctx));
        running.put(jobId, t);
        jobStatus(jobId, JobStatus.JS_RUNNING, null);
        t.start();
    }

    private void runJob(JobContext ctx) {
        String error = null;
        try {
            handler.run(ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            error = rootMessage(e);
            log.warn("job {} failed: {}", ctx.jobId(), error);
        } finally {
            running.remove(ctx.jobId());
            jobStatus(ctx.jobId(), error == null ? JobStatus.JS_SUCCESS : JobStatus.JS_FAILED, error);
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    private void terminate(String jobId) {
        Thread t = running.get(jobId);
        if (t != null) {
            log.info("server terminated job {}", jobId);
            t.interrupt();
        }
    }

    private void jobStatus(String jobId, JobStatus status, String error) {
        UpdateJobStatus.Builder u = UpdateJobStatus.newBuilder().setJobId(jobId).setStatus(status);
        if (error != null) {
            u.setError(error);
        }
        send(WorkerMessage.newBuilder().setUpdateJob(u).build());
    }

    private void sendStatus() {
        double current = load.load();
        boolean full = draining || overThreshold(current) || running.size() + reserved.size() >= options.maxJobs();
        send(WorkerMessage.newBuilder().setUpdateWorker(UpdateWorkerStatus.newBuilder()
                .setStatus(full ? WorkerStatus.WS_FULL : WorkerStatus.WS_AVAILABLE)
                .setLoad((float) current)
                .setJobCount(running.size())).build());
    }

    /** A threshold of 1 means load never makes the worker full (only max jobs and draining do). */
    private boolean overThreshold(double load) {
        return options.loadThreshold() < 1.0 && load >= options.loadThreshold();
    }

    private void send(WorkerMessage msg) {
        BinarySocket s = socket.get();
        if (s == null || workerId == null && !msg.hasRegister() && !msg.hasAvailability()) {
            return; // not connected: status is sent again after registration
        }
        try {
            s.send(msg.toByteArray());
        } catch (RuntimeException e) {
            log.debug("could not send {}: {}", msg.getMessageCase(), rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
