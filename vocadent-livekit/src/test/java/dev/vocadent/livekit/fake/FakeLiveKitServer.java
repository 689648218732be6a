package dev.vocadent.livekit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsContext;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.JobTermination;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerResponse;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerStatus;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;

/**
 * A LiveKit server for tests, following the real agent protocol: workers connect to {@code /agent}
 * with a Bearer JWT carrying the agent grant, register, report load; {@link #dispatch} asks the
 * least-loaded available worker first (AvailabilityRequest), then assigns the job with a room join
 * token. Also serves the SIP Twirp API in memory ({@link FakeSipService}).
 */
public final class FakeLiveKitServer implements AutoCloseable {
    public static final String API_KEY = "APItestkey";
    public static final String API_SECRET = "test-secret-that-is-long-enough-for-hs256";

    private final Javalin app;
    private final Map<String, WorkerConn> workers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<AvailabilityResponse>> pending = new ConcurrentHashMap<>();
    private final List<UpdateJobStatus> jobUpdates = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final FakeSipService sip = new FakeSipService();
    private final FakeEgressService egress = new FakeEgressService();
    private final Map<String, FakeRoom> rooms = new ConcurrentHashMap<>();
    private final Map<String, FakeRoom> roomBySession = new ConcurrentHashMap<>();

    /** What the server knows of one connected worker. */
    public static final class WorkerConn {
        final WsContext ws;
        public volatile String id;
        public volatile String agentName;
        public volatile WorkerStatus status = WorkerStatus.WS_AVAILABLE;
        public volatile float load;
        public volatile int jobCount;
        public final List<String> jobs = new CopyOnWriteArrayList<>();
        /** Every status update the worker sent, oldest first. */
        public final List<livekit.LivekitAgent.UpdateWorkerStatus> statusUpdates = new CopyOnWriteArrayList<>();

        WorkerConn(WsContext ws) {
            this.ws = ws;
        }
    }

    public FakeLiveKitServer() {
        app = Javalin.create();
        app.wsBeforeUpgrade("/agent", ctx -> {
            String auth = ctx.header("Authorization");
            JsonNode claims = auth == null || !auth.startsWith("Bearer ") ? null : Jwt.verify(auth.substring(7), API_KEY, API_SECRET);
            if (claims == null || !claims.path("video").path("agent").asBoolean(false)) {
                throw new UnauthorizedResponse("invalid agent token");
            }
        });
        app.ws("/agent", ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(5));
                workers.put(ctx.sessionId(), new WorkerConn(ctx));
            });
            ws.onBinaryMessage(ctx -> onWorkerMessage(ctx, WorkerMessage.parseFrom(
                    ByteBuffer.wrap(ctx.data(), ctx.offset(), ctx.length()))));
            ws.onClose(ctx -> workers.remove(ctx.sessionId()));
        });
        app.wsBeforeUpgrade("/rtc", ctx -> {
            String token = ctx.queryParam("access_token");
            JsonNode claims = token == null ? null : Jwt.verify(token, API_KEY, API_SECRET);
            if (claims == null || !claims.path("video").path("roomJoin").asBoolean(false)
                    || !rooms.containsKey(claims.path("video").path("room").asText())) {
                throw new UnauthorizedResponse("invalid join token");
            }
        });
        app.ws("/rtc", ws -> {
            ws.onConnect(ctx -> {
                JsonNode claims = Jwt.verify(ctx.queryParam("access_token"), API_KEY, API_SECRET);
                FakeRoom room = rooms.get(claims.path("video").path("room").asText());
                roomBySession.put(ctx.sessionId(), room);
                room.agentConnected(ctx, claims.path("sub").asText());
            });
            ws.onBinaryMessage(ctx -> roomBySession.get(ctx.sessionId()).onAgentMessage(
                    livekit.LivekitRtc.SignalRequest.parseFrom(ByteBuffer.wrap(ctx.data(), ctx.offset(), ctx.length()))));
            ws.onClose(ctx -> roomBySession.remove(ctx.sessionId()));
        });
        sip.register(app, API_KEY, API_SECRET);
        egress.register(app, API_KEY, API_SECRET);
        app.start("127.0.0.1", 0);
    }

    public String url() {
        return "ws://127.0.0.1:" + app.port();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public FakeSipService sip() {
        return sip;
    }

    public FakeEgressService egress() {
        return egress;
    }

    /** Registered workers. */
    public List<WorkerConn> workers() {
        return workers.values().stream().filter(w -> w.id != null).toList();
    }

    public List<UpdateJobStatus> jobUpdates() {
        return List.copyOf(jobUpdates);
    }

    /**
     * Dispatches a job for a room: asks available workers, least loaded first, until one accepts;
     * assigns it there. Returns the worker id that took it, or empty when none did.
     */
    public Optional<String> dispatch(String jobId, String roomName, Map<String, String> callerAttributes) throws Exception {
        List<WorkerConn> candidates = new ArrayList<>(workers().stream()
                .filter(w -> w.status == WorkerStatus.WS_AVAILABLE)
                .sorted(Comparator.comparingDouble(w -> w.load)).toList());
        Job job = Job.newBuilder().setId(jobId).setType(JobType.JT_ROOM)
                .setRoom(Room.newBuilder().setName(roomName).setSid("RM_" + jobId))
                .setParticipant(ParticipantInfo.newBuilder().setIdentity("sip_caller")
                        .setKind(ParticipantInfo.Kind.SIP).putAllAttributes(callerAttributes))
                .build();
        for (WorkerConn w : candidates) {
            CompletableFuture<AvailabilityResponse> answer = new CompletableFuture<>();
            pending.put(jobId, answer);
            send(w, ServerMessage.newBuilder().setAvailability(AvailabilityRequest.newBuilder().setJob(job)).build());
            AvailabilityResponse r = answer.get(5, TimeUnit.SECONDS);
            pending.remove(jobId);
            if (r.getAvailable()) {
                AccessToken token = new AccessToken(API_KEY, API_SECRET);
                token.setIdentity(r.getParticipantIdentity());
                token.addGrants(new RoomJoin(true), new RoomName(roomName));
                send(w, ServerMessage.newBuilder().setAssignment(JobAssignment.newBuilder()
                        .setJob(job).setToken(token.toJwt()).setUrl(url())).build());
                w.jobs.add(jobId);
                return Optional.of(w.id);
            }
        }
        return Optional.empty();
    }

    /** Creates a room with a SIP caller in it (attributes such as sip.phoneNumber). */
    public FakeRoom createRoom(String name, Map<String, String> callerAttributes) {
        FakeRoom room = new FakeRoom(name, callerAttributes);
        rooms.put(name, room);
        return room;
    }

    /** A join token for the room, as the server puts in a job assignment. */
    public String joinToken(String roomName, String identity) {
        AccessToken token = new AccessToken(API_KEY, API_SECRET);
        token.setIdentity(identity);
        token.addGrants(new RoomJoin(true), new RoomName(roomName));
        return token.toJwt();
    }

    public void terminate(String workerId, String jobId) {
        workers().stream().filter(w -> w.id.equals(workerId)).findFirst()
                .ifPresent(w -> send(w, ServerMessage.newBuilder().setTermination(JobTermination.newBuilder().setJobId(jobId)).build()));
    }

    /** Drops every worker connection as a server restart would. */
    public void dropConnections() {
        workers.values().forEach(w -> w.ws.closeSession(1012, "service restart"));
    }

    private void onWorkerMessage(WsContext ctx, WorkerMessage msg) {
        WorkerConn w = workers.get(ctx.sessionId());
        switch (msg.getMessageCase()) {
            case REGISTER -> {
                w.agentName = msg.getRegister().getAgentName();
                w.id = "AW_" + ids.incrementAndGet();
                send(w, ServerMessage.newBuilder().setRegister(RegisterWorkerResponse.newBuilder().setWorkerId(w.id)).build());
            }
            case UPDATE_WORKER -> {
                w.statusUpdates.add(msg.getUpdateWorker());
                if (msg.getUpdateWorker().hasStatus()) {
                    w.status = msg.getUpdateWorker().getStatus();
                }
                w.load = msg.getUpdateWorker().getLoad();
                w.jobCount = msg.getUpdateWorker().getJobCount();
            }
            case AVAILABILITY -> {
                var f = pending.get(msg.getAvailability().getJobId());
                if (f != null) {
                    f.complete(msg.getAvailability());
                }
            }
            case UPDATE_JOB -> jobUpdates.add(msg.getUpdateJob());
            default -> { }
        }
    }

    private static void send(WorkerConn w, ServerMessage msg) {
        w.ws.send(ByteBuffer.wrap(msg.toByteArray()));
    }

    @Override
    public void close() {
        rooms.values().forEach(FakeRoom::close);
        app.stop();
    }
}
