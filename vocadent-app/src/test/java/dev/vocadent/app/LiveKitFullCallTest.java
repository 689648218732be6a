package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.PacerClock;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.backend.BackendRows;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.livekit.call.LiveKitCallHandler;
import dev.vocadent.livekit.call.VoiceCallFactory;
import dev.vocadent.livekit.fake.FakeLiveKitServer;
import dev.vocadent.livekit.fake.FakeRoom;
import dev.vocadent.livekit.worker.ActiveCalls;
import dev.vocadent.livekit.worker.AgentWorker;
import dev.vocadent.livekit.worker.WorkerOptions;
import dev.vocadent.providers.local.tts.EspeakTts;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgent.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole LiveKit call on the offline stack: the fake LiveKit server assigns a job to the real worker,
 * a WebRTC peer acting as the SIP caller speaks espeak-ng lines into its track (each after the agent's
 * reply has gone quiet), and the agent — Silero VAD, pocketsphinx, offline brain, espeak-ng, the
 * embedded demo backend — books an appointment at westbury for the caller's number.
 */
class LiveKitFullCallTest {
    static final String CALLER = "+447700900123";
    /** Monday 2 March 2026, 08:00 UTC: "next tuesday afternoon" has free slots in the demo diary. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    static final int RATE = 48_000;
    /** The agent is done with its reply once the caller has heard nothing loud for this long. */
    static final long QUIET_MS = 1_500;
    static final long REPLY_TIMEOUT_MS = 90_000;

    /**
     * The caller's side, phrased for the offline recogniser (as examples/call-westbury-booking.txt), with
     * one more "yes please": a SIP caller's number is known, so the agent asks whether it is the best
     * one to reach them on before it offers to book.
     */
    static final List<String> LINES = List.of(
            "hi i'd like to book an appointment",
            "a check up please",
            "private please",
            "doctor patel",
            "next tuesday afternoon",
            "the first one",
            "my name is john smith",
            "my date of birth is the tenth of may two thousand and two",
            "yes please",
            "yes please",
            "no thanks bye");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aSipCallerBooksAtWestburyThroughTheWorkerOnTheOfflineStack() throws Exception {
        Config settings = Settings.load(Map.of("data-dir", dir.resolve("data").toString()));
        EspeakTts callerVoice = new EspeakTts(settings.getString("voice.tts.espeak.binary"),
                settings.getString("voice.tts.espeak.voice"), settings.getInt("voice.tts.espeak.words-per-minute"));
        List<short[]> speech = new ArrayList<>();
        for (String line : LINES) {
            AudioFrame a = callerVoice.synthesize(line, null, RATE, 30_000);
            speech.add(Arrays.copyOf(a.samples(), a.length()));
        }

        CompletableFuture<VoiceCall> started = new CompletableFuture<>();
        CompletableFuture<VoiceCall> finished = new CompletableFuture<>();
        try (FakeLiveKitServer server = new FakeLiveKitServer();
             AgentRuntime runtime = new AgentRuntime(settings, null, true, "offline", CLOCK);
             PacerClock pacer = new PacerClock("lk-full-call-pacer")) {
            VoiceCallFactory real = runtime.liveKitCalls(pacer);
            VoiceCallFactory calls = (sessionId, room, clinic, phone, control, output, outRate, inRate) -> {
                VoiceCall call = real.create(sessionId, room, clinic, phone, control, output, outRate, inRate);
                started.complete(call);
                return call;
            };
            LiveKitCallHandler handler = new LiveKitCallHandler(runtime.router, runtime.directory, calls,
                    SipServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
                    RoomServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
                    new ActiveCalls(), Duration.ofSeconds(30), finished::complete);
            WorkerOptions options = new WorkerOptions(URI.create(server.url()), FakeLiveKitServer.API_KEY,
                    FakeLiveKitServer.API_SECRET, "vocadent", 0.95, 4, Duration.ofMillis(500), Duration.ofSeconds(2));
            try (AgentWorker worker = new AgentWorker(options, handler, () -> 0.0, "test")) {
                worker.start();
                worker.registered().get(30, TimeUnit.SECONDS);
                FakeRoom room = server.createRoom("westbury." + CALLER + "_full", Map.of("sip.phoneNumber", CALLER));
                assertThat(server.dispatch("JF1", room.name, Map.of("sip.phoneNumber", CALLER))).isPresent();
                VoiceCall call = started.get(60, TimeUnit.SECONDS);

                // the greeting, then each line once the agent's reply has been heard and has gone quiet
                long heardBefore = 0;
                for (int i = 0; i < LINES.size() && !call.finished().isDone(); i++) {
                    awaitReplyThenQuiet(room, call, heardBefore, LINES, i);
                    heardBefore = room.heardLoudSamples();
                    room.callerSays(speech.get(i));
                }
                // the caller stays on the line (silence) until the agent ends the call, or hangs up after a while
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!call.finished().isDone() && System.nanoTime() < deadline) {
                    room.callerSays(new short[RATE / 10]);
                    if (room.heardLoudSamples() > heardBefore && room.millisSinceHeardLoud() > 5 * QUIET_MS
                            && !call.isAgentSpeaking()) {
                        room.callerHangsUp();
                        break;
                    }
                }
                VoiceCall done = finished.get(120, TimeUnit.SECONDS);
                String transcript = String.valueOf(done.session().state().transcript());
                assertThat(done.finished().get()).as(transcript).isEqualTo(CallOutcome.BOOKED);
                assertThat(room.heardLoudSamples()).as("the caller heard the agent (loud 48 kHz samples)")
                        .isGreaterThan(10L * RATE);

                List<BackendRows.Booking> bookings = BackendRows.bookings(runtime.embeddedBackend().server(), DemoClinics.WESTBURY);
                assertThat(bookings).as(transcript).singleElement().satisfies(b -> {
                    assertThat(b.patientPhone()).isEqualTo(CALLER);
                    assertThat(b.callSessionId()).isEqualTo(done.session().sessionId());
                });
                // post-call processing recorded the call (through the outbox) in the backend
                var backend = runtime.embeddedBackend().server();
                long recorded = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (BackendRows.calls(backend, DemoClinics.WESTBURY).isEmpty() && System.nanoTime() < recorded) {
                    Thread.sleep(200);
                }
                assertThat(BackendRows.calls(backend, DemoClinics.WESTBURY)).singleElement().satisfies(c -> {
                    assertThat(c.sessionId()).isEqualTo(done.session().sessionId());
                    assertThat(c.outcome()).isEqualTo("booked");
                });
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (server.jobUpdates().stream().noneMatch(u -> u.getJobId().equals("JF1") && u.getStatus() == JobStatus.JS_SUCCESS)
                        && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(server.jobUpdates()).anyMatch(u -> u.getJobId().equals("JF1") && u.getStatus() == JobStatus.JS_SUCCESS);
            }
        }
    }

    /** Waits until the caller has heard new agent audio and then nothing loud for {@link #QUIET_MS}, sending silence meanwhile. */
    private static void awaitReplyThenQuiet(FakeRoom room, VoiceCall call, long heardBefore, List<String> lines, int line)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLY_TIMEOUT_MS);
        while (!(room.heardLoudSamples() > heardBefore + RATE / 5 && room.millisSinceHeardLoud() >= QUIET_MS
                && !call.isAgentSpeaking())) {
            if (System.nanoTime() > deadline || call.finished().isDone()) {
                throw new AssertionError("no agent reply before line " + (line + 1) + " ('" + lines.get(line) + "'): "
                        + call.session().state().transcript());
            }
            room.callerSays(new short[RATE / 10]); // a phone line is never silent of packets
        }
    }
}
