package dev.vocadent.livekit.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.audio.PacerClock;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.agent.voice.EnergyVad;
import dev.vocadent.agent.voice.ScriptedSpeechToText;
import dev.vocadent.agent.voice.ToneTextToSpeech;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.core.cache.ClinicConfigSource;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.livekit.fake.FakeLiveKitServer;
import dev.vocadent.livekit.fake.FakeRoom;
import dev.vocadent.livekit.worker.ActiveCalls;
import dev.vocadent.livekit.worker.JobContext;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole call through a LiveKit room: real signalling and WebRTC, fake speech providers. */
class LiveKitCallHandlerTest {
    final FakeLiveKitServer server = new FakeLiveKitServer();
    final FakeBackend backend = new FakeBackend(DemoClinics.westbury(), Clock.systemUTC());
    final ClinicDirectory directory = ClinicDirectory.builder(ClinicConfigSource.backend(c -> backend)).build();
    final TenantRouter router = TenantRouter.builder(directory).servedClinics(List.of("westbury")).build();
    final ActiveCalls active = new ActiveCalls();
    final List<VoiceCall> finished = new CopyOnWriteArrayList<>();
    final PacerClock pacer = new PacerClock("lk-test-pacer");
    final CompletableFuture<CallState> state = new CompletableFuture<>();

    @AfterEach
    void stop() {
        pacer.close();
        directory.close();
        server.close();
    }

    LiveKitCallHandler handler(ScriptedBrain brain, List<String> callerSays) {
        return handler(brain, callerSays, null);
    }

    LiveKitCallHandler handler(ScriptedBrain brain, List<String> callerSays, RoomEgress egress) {
        VoiceCallFactory calls = (sessionId, room, clinic, phone, control, output, outRate, inRate) -> {
            CallState s = new CallState(sessionId, room, clinic, phone);
            state.complete(s);
            return VoiceCall.builder(CallSession.builder(s).backend(backend).brain(brain).callControl(control))
                    .vad(new EnergyVad(800, VadOptions.from(dev.vocadent.core.settings.Settings.load().getConfig("voice.vad"))))
                    .stt(new ScriptedSpeechToText(callerSays, 800))
                    .tts(new ToneTextToSpeech())
                    .inputRate(inRate).outputRate(outRate).output(output).pacerClock(pacer)
                    .build();
        };
        return new LiveKitCallHandler(router, directory, calls,
                SipServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
                RoomServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
                active, Duration.ofSeconds(5), finished::add, egress);
    }

    JobContext job(String room) {
        return new JobContext("J1", room, server.url(), server.joinToken(room, "agent-J1"), "", Map.of());
    }

    static short[] tone(double hz, double seconds) {
        short[] pcm = new short[(int) (48_000 * seconds)];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (9000 * Math.sin(2 * Math.PI * hz * i / 48_000));
        }
        return pcm;
    }

    @Test
    void theCallerIsHeardTheAgentAnswersAndEndCallClosesTheRoom() throws Exception {
        FakeRoom room = server.createRoom("westbury.+447700900123_abc", Map.of("sip.phoneNumber", "+447700900123"));
        ScriptedBrain brain = ScriptedBrain.named("scripted")
                .turn(t -> t.say("Our opening hours are nine to half past five. Goodbye.").call("end_call", "{}"))
                .build();
        Thread agent = Thread.ofVirtual().start(() -> {
            try {
                handler(brain, List.of("what are your opening hours")).run(job(room.name));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        CallState s = state.get(20, TimeUnit.SECONDS);
        assertThat(s.clinicId()).isEqualTo("westbury");
        assertThat(s.callerPhone()).isEqualTo("+447700900123");
        Thread.sleep(1500); // the greeting plays
        assertThat(room.heardSamples()).as("the caller heard the greeting").isGreaterThan(4_800);
        room.callerSays(tone(300, 1.2));
        room.callerSays(new short[48_000]); // then silence: end of turn
        agent.join(30_000);
        assertThat(agent.isAlive()).isFalse();
        assertThat(brain.heard()).contains("what are your opening hours");
        assertThat(server.sip().mutations).contains("delete room " + room.name);
        assertThat(finished).singleElement().satisfies(c -> assertThat(c.finished().get()).isEqualTo(CallOutcome.ENQUIRY_ONLY));
        assertThat(active.size()).isZero();
    }

    @Test
    void theCallerHangingUpEndsTheCallAsHungUp() throws Exception {
        FakeRoom room = server.createRoom("westbury.+447700900999_def", Map.of("sip.phoneNumber", "+447700900999"));
        ScriptedBrain brain = ScriptedBrain.named("scripted").build();
        Thread agent = Thread.ofVirtual().start(() -> {
            try {
                handler(brain, List.of()).run(job(room.name));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        state.get(20, TimeUnit.SECONDS);
        Thread.sleep(500);
        room.callerHangsUp();
        agent.join(20_000);
        assertThat(agent.isAlive()).isFalse();
        assertThat(finished).singleElement().satisfies(c -> assertThat(c.finished().get()).isEqualTo(CallOutcome.HUNG_UP));
    }

    @Test
    void withRoomEgressConfiguredTheCallIsRecordedToTheClinicsBlobWhenItStarts() throws Exception {
        FakeRoom room = server.createRoom("westbury.+447700900555_eg", Map.of("sip.phoneNumber", "+447700900555"));
        RoomEgress egress = new RoomEgress(io.livekit.server.EgressServiceClient.createClient(server.httpUrl(),
                FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
                new RoomEgress.AzureTarget("vocadentrec", "secret-key", "calls"),
                Clock.fixed(java.time.Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneOffset.UTC));
        Thread agent = Thread.ofVirtual().start(() -> {
            try {
                handler(ScriptedBrain.named("scripted").build(), List.of(), egress).run(job(room.name));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        state.get(20, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.egress().roomComposites.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.egress().roomComposites).singleElement().satisfies(req -> {
            assertThat(req.getRoomName()).isEqualTo(room.name);
            assertThat(req.getAudioOnly()).isTrue();
            var file = req.getFileOutputsCount() > 0 ? req.getFileOutputs(0) : req.getFile();
            assertThat(file.getFilepath()).isEqualTo("westbury/2026/03/02/J1.ogg");
            assertThat(file.getAzure().getContainerName()).isEqualTo("calls");
        });
        room.callerHangsUp();
        agent.join(20_000);
        assertThat(agent.isAlive()).isFalse();
    }

    @Test
    void aRoomThatNamesNoServedClinicIsClosedWithoutJoining() throws Exception {
        handler(ScriptedBrain.named("x").build(), List.of()).run(job("elsewhere.+447700900123_x"));
        assertThat(server.sip().mutations).containsExactly("delete room elsewhere.+447700900123_x");
        assertThat(state).isNotDone();
    }
}
