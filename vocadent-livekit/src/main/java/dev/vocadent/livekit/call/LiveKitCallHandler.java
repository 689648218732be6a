package dev.vocadent.livekit.call;

import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.tenant.PhoneNumbers;
import dev.vocadent.core.tenant.Route;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.livekit.room.RoomConnection;
import dev.vocadent.livekit.room.RoomListener;
import dev.vocadent.livekit.worker.ActiveCalls;
import dev.vocadent.livekit.worker.JobContext;
import dev.vocadent.livekit.worker.JobHandler;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import livekit.LivekitModels.ParticipantInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LiveKit job = one call: the clinic comes from the room name (never from the caller), its
 * config starts loading before the agent joins, the caller's number comes from the SIP
 * participant's {@code sip.phoneNumber} attribute, and the caller's and agent's audio flow through
 * the same {@link VoiceCall} every channel uses. The caller leaving ends the call ({@code hung_up}
 * unless something stronger was recorded); end_call closes the room.
 */
public final class LiveKitCallHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(LiveKitCallHandler.class);
    static final String PHONE_ATTRIBUTE = "sip.phoneNumber";

    private final TenantRouter router;
    private final ClinicDirectory directory;
    private final VoiceCallFactory calls;
    private final SipServiceClient sip;
    private final RoomServiceClient rooms;
    private final ActiveCalls active;
    private final Duration callerWait;
    private final Consumer<VoiceCall> onFinished;
    private final RoomEgress egress;

    /**
     * @param onFinished called with each finished call (post-call submission)
     */
    public LiveKitCallHandler(TenantRouter router, ClinicDirectory directory, VoiceCallFactory calls,
                              SipServiceClient sip, RoomServiceClient rooms, ActiveCalls active,
                              Duration callerWait, Consumer<VoiceCall> onFinished) {
        this(router, directory, calls, sip, rooms, active, callerWait, onFinished, null);
    }

    /**
     * @param egress when not null, each call is also recorded by LiveKit room egress (started with the call)
     */
    public LiveKitCallHandler(TenantRouter router, ClinicDirectory directory, VoiceCallFactory calls,
                              SipServiceClient sip, RoomServiceClient rooms, ActiveCalls active,
                              Duration callerWait, Consumer<VoiceCall> onFinished, RoomEgress egress) {
        this.egress = egress;
        this.router = router;
        this.directory = directory;
        this.calls = calls;
        this.sip = sip;
        this.rooms = rooms;
        this.active = active;
        this.callerWait = callerWait;
        this.onFinished = onFinished;
    }

    @Override
    public void run(JobContext job) throws Exception {
        Route route = router.fromRoomName(job.roomName());
        if (!(route instanceof Route.Clinic clinicRoute)) {
            log.warn("job {}: room does not name a clinic this worker serves ({}); closing the room", job.jobId(),
                    ((Route.Unknown) route).reason());
            new LiveKitCallControl(sip, rooms, job.roomName(), null, r -> { }).hangUp("unknown_clinic");
            return;
        }
        CompletableFuture<ClinicConfig> config = directory.prefetch(clinicRoute.clinicId());
        CompletableFuture<Void> done = new CompletableFuture<>();
        RoomAudioBridge[] bridge = new RoomAudioBridge[1];
        VoiceCall[] call = new VoiceCall[1];
        RoomListener listener = new RoomListener() {
            @Override
            public void remoteAudio(short[] pcm, int sampleRate) {
                RoomAudioBridge b = bridge[0];
                if (b != null) {
                    b.callerAudio(pcm);
                }
            }

            @Override
            public void participantLeft(ParticipantInfo p) {
                if (p.getKind() == ParticipantInfo.Kind.SIP && call[0] != null) {
                    call[0].callerHungUp();
                }
            }

            @Override
            public void disconnected(String reason) {
                if (call[0] != null) {
                    call[0].callerHungUp();
                }
                done.complete(null);
            }
        };
        try (RoomConnection room = RoomConnection.join(job.serverUrl(), job.token(), listener, Duration.ofSeconds(15))) {
            Optional<ParticipantInfo> caller = room.waitForSipParticipant(callerWait);
            if (caller.isEmpty()) {
                log.info("job {}: no caller joined within {}; leaving", job.jobId(), callerWait);
                room.leave();
                return;
            }
            String phone = PhoneNumbers.toE164(caller.get().getAttributesMap().get(PHONE_ATTRIBUTE)).orElse(null);
            ClinicConfig clinic = config.join();
            LiveKitCallControl control = new LiveKitCallControl(sip, rooms, job.roomName(),
                    caller.get().getIdentity(), reason -> room.leave());
            bridge[0] = new RoomAudioBridge(room);
            call[0] = calls.create(job.jobId(), job.roomName(), clinic, phone, control, bridge[0],
                    RoomAudioBridge.CALL_RATE, RoomAudioBridge.CALL_RATE);
            active.add(job.roomName(), reason -> call[0].callerHungUp());
            bridge[0].attach(call[0]);
            call[0].start();
            if (egress != null) {
                startEgress(job, clinic.customerId());
            }
            CallOutcome outcome = call[0].finished().join();
            log.info("job {}: call ended, outcome {}", job.jobId(), outcome.wireName());
            room.leave();
        } finally {
            active.remove(job.roomName());
            if (bridge[0] != null) {
                bridge[0].close();
            }
            if (call[0] != null) {
                call[0].close();
                onFinished.accept(call[0]);
            }
        }
    }

    /** Starts room egress beside the call; a failure is logged and the call goes on (post-call still stores its own recording). */
    private void startEgress(JobContext job, String clinicId) {
        Thread.ofVirtual().name("egress-" + job.jobId()).start(() -> {
            try {
                egress.start(job.roomName(), clinicId, job.jobId());
            } catch (RoomEgress.EgressException e) {
                log.warn("job {}: {}", job.jobId(), e.getMessage());
            }
        });
    }
}
