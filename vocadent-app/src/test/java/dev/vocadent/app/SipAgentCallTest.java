package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.state.TranscriptEntry;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.telephony.CallHandler;
import dev.vocadent.telephony.CallerTrack;
import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.Sipp;
import dev.vocadent.telephony.SippCheck;
import dev.vocadent.telephony.agent.VoiceCallMediaSession;
import dev.vocadent.telephony.rtp.RtpPortAllocator;
import dev.vocadent.telephony.sip.SipServer;
import dev.vocadent.telephony.sip.SipServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SIP calls from sipp to {@code vocadent sip --demo --brain offline} as {@link AgentRuntime} wires it
 * (Silero VAD, pocketsphinx, the offline brain, espeak-ng, the embedded demo backend, post-call): the
 * caller's lines are espeak-ng speech and RFC 4733 keys in one RTP stream ({@link CallerTrack}); the
 * tests check what the call left behind: the booking and patient in the backend, the outcome, the call
 * record and transcript from post-call, and that no call or RTP port is left over.
 *
 * <p>sipp cannot listen, so each caller line is laid out after the agent's previous turn: the agent
 * talks at {@value #AGENT_WPM} words a minute (test setting) and the gap after a line is
 * {@link #REPLY_SECONDS} for endpointing, recognition, the brain and synthesis on a loaded machine plus
 * {@link #TURN_FACTOR} times the agent's answer as measured here (noted beside each line: its speech
 * alone, on an idle machine). The idle prompt is moved out of the way of those gaps. The offline stack mishears 8 kHz phone audio often (pocketsphinx, see
 * shared/notes/offline-stt.md: names, dates, "first one"), so the checks are about what the call did
 * (booked, with the number it came from or the keyed one), not about every word.
 */
class SipAgentCallTest {
    /** Monday 2 March 2026, 08:00 UTC, running: "next tuesday afternoon" has free demo slots. */
    static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
    static final String WESTBURY_DID = "+441632960001";
    /** The caller id sipp's scenarios send in From. */
    static final String CALLER_ID = "+447700900123";
    /** The agent's espeak-ng rate here (production: 170): its turns take about 40% as long. */
    static final int AGENT_WPM = 450;
    /** From the end of a caller line to the agent's first word: measured 1.1-1.6 s on an idle machine. */
    static final double REPLY_SECONDS = 3;
    /** Room for the agent's measured answer to play out slower on a loaded machine. */
    static final double TURN_FACTOR = 1.3;
    /** Answer, greeting (1.8 s), then the caller's first line. */
    static final double BEFORE_FIRST_LINE = 4;

    @TempDir
    static Path shared;

    static AgentRuntime runtime;
    static SipServer server;
    static RtpPortAllocator ports;
    static EspeakTts callerVoice;
    static final LinkedBlockingQueue<Watched> calls = new LinkedBlockingQueue<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        if (!Sipp.available()) {
            return; // each test skips (or fails in CI) in needSipp
        }
        Config settings = ConfigFactory.parseMap(Map.of(
                        "data-dir", shared.resolve("data").toString(),
                        "postcall.poll-interval", "50ms",
                        "voice.tts.espeak.words-per-minute", AGENT_WPM,
                        // longer than any caller line plus the gap after it
                        "voice.turn.idle-prompt-ms", "15000"))
                .withFallback(Settings.load()).resolve();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), MONDAY));
        runtime = new AgentRuntime(settings, null, true, "offline", clock);
        int base = 30000 + (int) (ProcessHandle.current().pid() % 100) * 100 + (int) (Math.random() * 40) * 2;
        ports = new RtpPortAllocator(base, base + 19);
        server = new SipServer(SipServerConfig.defaults("127.0.0.1", 0, ports, 4), runtime.didRouter(), runtime.lookup(),
                watching(runtime.sipHandler()), Clock.systemUTC());
        server.start();
        callerVoice = new EspeakTts("espeak-ng", "en-us", 150);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @BeforeEach
    void needSipp() {
        SippCheck.require();
        calls.clear();
    }

    @Test
    void aCallerWhoSpeaksGetsAnAppointmentBookedAtWestburyAndPostCallRecordsIt() throws Exception {
        long bookedBefore = recorded("booked");
        CallerTrack track = new CallerTrack().silence(BEFORE_FIRST_LINE);
        say(track, "hi i'd like to book an appointment", 3.2);                  // → which type?
        say(track, "a check up please", 1.2);                                   // → NHS or private?
        say(track, "private please", 2.8);                                      // → which dentist?
        say(track, "doctor patel", 0.7);                                        // → which day?
        say(track, "next tuesday afternoon", 5.5);                              // → three slots
        say(track, "the first one", 2.9);                                       // → your name?
        say(track, "my name is john smith", 1.3);                               // → date of birth?
        say(track, "my date of birth is the tenth of may two thousand and two", 1.5); // → this number?
        say(track, "yes please", 4.3);                                          // → summary, book it?
        say(track, "yes please", 3.4);                                          // → booked, anything else?
        say(track, "no that's all thank you goodbye", 10);                      // → goodbye, BYE
        Finished f = talk(track);

        assertThat(f.outcome()).as(f.transcript()).isEqualTo(CallOutcome.BOOKED);
        CallState state = f.state();
        assertThat(state.bookingId()).as(f.transcript()).isNotBlank();
        assertThat(state.clinicId()).isEqualTo(DemoClinics.WESTBURY);
        try (HttpBackendClient client = westbury()) {
            // the slot is booked in the backend: nobody else can have it
            BackendException taken = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class, () ->
                    client.bookAppointment(new BookingRequest(state.slotId(), new Patient("Other Person", "+447700900999",
                            LocalDate.of(1990, 1, 1)), BookingType.PRIVATE, "check-up", null, null, "other"), "other-" + state.slotId()));
            assertThat(taken.isConflict()).isTrue();
            // and the patient is on file with the number the call came from (and the date of birth heard)
            assertThat(state.patientPhone()).isEqualTo(CALLER_ID);
            var match = client.lookupPatient(new PatientLookup(CALLER_ID, state.dateOfBirth(), state.name()));
            assertThat(match.matched()).as(f.transcript()).isTrue();
        }
        assertPostCallDelivered(f, "booked", bookedBefore);
    }

    /** The caller says the number on the line is not theirs and keys another one when asked for it. */
    @Test
    void keyedDigitsReachTheBrainAndTheBookingUsesTheKeyedPhoneNumber() throws Exception {
        long bookedBefore = recorded("booked");
        CallerTrack track = new CallerTrack().silence(BEFORE_FIRST_LINE);
        say(track, "hi i'd like to book an appointment", 3.2);
        say(track, "a check up please", 1.2);
        say(track, "private please", 2.8);
        say(track, "doctor patel", 0.7);
        say(track, "next tuesday afternoon", 5.5);
        say(track, "the second one", 2.9);
        say(track, "my name is mary jones", 1.3);
        say(track, "my date of birth is the tenth of may two thousand and two", 1.5);
        say(track, "no", 1.1);                                                  // → what number then?
        track.dtmf("07700900456#").silence(gap(4.3));                           // → summary, book it?
        say(track, "yes please", 3.4);
        say(track, "no that's all thank you goodbye", 10);
        Finished f = talk(track);

        List<TranscriptEntry> keyed = f.state().transcript().stream().filter(e -> e.kind() == TranscriptEntry.Kind.DTMF).toList();
        assertThat(keyed).as(f.transcript()).extracting(TranscriptEntry::text).containsExactly("07700900456");
        assertThat(f.state().patientPhone()).as(f.transcript()).isEqualTo("+447700900456");
        assertThat(f.outcome()).as(f.transcript()).isEqualTo(CallOutcome.BOOKED);
        try (HttpBackendClient client = westbury()) {
            var keyedNumber = client.lookupPatient(new PatientLookup("+447700900456", f.state().dateOfBirth(), f.state().name()));
            assertThat(keyedNumber.matched()).as(f.transcript()).isTrue();
        }
        assertPostCallDelivered(f, "booked", bookedBefore);
        assertThat(storedTranscript(f)).contains("07700900456");
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentSpeaksEndsAsHungUpAndReachesPostCall() throws Exception {
        long hungUpBefore = recorded("hung_up");
        new CallerTrack().silence(1).write(dir.resolve("audio.pcap"));
        Process sipp = Sipp.start("uac_hang_up_while_agent_speaks.xml", server.port(), dir, WESTBURY_DID);
        Watched w = calls.poll(30, TimeUnit.SECONDS);
        assertThat(w).as("the call reached the agent").isNotNull();
        Sipp.Result r = Sipp.finish(sipp, "uac_hang_up_while_agent_speaks.xml", dir);
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(w.endReason().get(30, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
        assertThat(w.speakingAtEnd()).as("the agent was speaking (its greeting) when the BYE came").isTrue();
        VoiceCall call = w.call();
        assertThat(call.finished().get(30, TimeUnit.SECONDS)).isEqualTo(CallOutcome.HUNG_UP);
        assertThat(call.session().isEnded()).isTrue();
        Finished f = new Finished(call, CallOutcome.HUNG_UP);
        assertThat(f.state().transcript()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TranscriptEntry.Kind.AGENT));
        assertPostCallDelivered(f, "hung_up", hungUpBefore);
        awaitIdle();
    }

    // ---- the caller -------------------------------------------------------------------------------

    /** Speaks {@code words} into the track, then leaves room for an agent answer of {@code answer} seconds. */
    private static void say(CallerTrack t, String words, double answer) throws Exception {
        System.out.println("CALLER at " + Math.round(t.seconds() * 1000) + " ms: " + words);
        AudioFrame a = callerVoice.synthesize(words, null, 8000, 30_000);
        t.speech(Arrays.copyOf(a.samples(), a.length())).silence(gap(answer));
    }

    /** Silence after a caller line for an agent answer measured at {@code answer} seconds. */
    private static double gap(double answer) {
        return REPLY_SECONDS + TURN_FACTOR * answer;
    }

    record Finished(VoiceCall call, CallOutcome outcome) {
        CallState state() {
            return call.session().state();
        }

        String transcript() {
            return state().transcript().stream().map(e -> e.kind() + ": " + (e.text() == null ? e.toolName() : e.text()))
                    .collect(Collectors.joining("\n", "transcript:\n", "\n"));
        }
    }

    /** Plays the track to Westbury's number; sipp stays until the agent hangs up (end_call → BYE). */
    private Finished talk(CallerTrack track) throws Exception {
        track.write(dir.resolve("audio.pcap"));
        long seconds = (long) track.seconds() + 60;
        Process sipp = Sipp.start("uac_talk_until_agent_hangs_up.xml", server.port(), dir, WESTBURY_DID,
                "-timeout", seconds + "s");
        Watched w = calls.poll(30, TimeUnit.SECONDS);
        assertThat(w).as("the call reached the agent").isNotNull();
        VoiceCall call = w.call();
        logAgentTurns(call);
        Sipp.Result r = Sipp.finish(sipp, "uac_talk_until_agent_hangs_up.xml", dir, seconds + 30);
        CallOutcome outcome = call.finished().get(60, TimeUnit.SECONDS);
        Finished f = new Finished(call, outcome);
        System.out.println(f.transcript());
        assertThat(r.ok()).as(f.transcript() + r.output()).isTrue();
        awaitIdle();
        return f;
    }

    /** A call the server answered: its voice call, why the transport ended it, and whether the agent was talking then. */
    record Watched(VoiceCall call, CompletableFuture<EndReason> endReason, AtomicBoolean speaking) {
        boolean speakingAtEnd() {
            return speaking.get();
        }
    }

    /** The production handler, with each call's media session wrapped to note the end as the transport saw it. */
    private static CallHandler watching(CallHandler agent) {
        return (info, control) -> {
            MediaSession media = agent.open(info, control);
            Watched w = new Watched(((VoiceCallMediaSession) media).call(), new CompletableFuture<>(), new AtomicBoolean());
            calls.add(w);
            return new MediaSession() {
                @Override
                public void onCallerAudio(short[] frame) {
                    media.onCallerAudio(frame);
                }

                @Override
                public void onDtmf(char digit) {
                    media.onDtmf(digit);
                }

                @Override
                public boolean nextAgentFrame(short[] out) {
                    return media.nextAgentFrame(out);
                }

                @Override
                public void onEnd(EndReason reason) {
                    w.speaking().set(w.call().isAgentSpeaking());
                    w.endReason().complete(reason);
                    media.onEnd(reason);
                }
            };
        };
    }

    /** Prints when the agent starts and stops talking (to re-measure the gaps of the caller's lines). */
    private static void logAgentTurns(VoiceCall call) {
        long t0 = System.nanoTime();
        Thread.ofVirtual().start(() -> {
            boolean was = false;
            long since = 0;
            while (!call.finished().isDone()) {
                boolean now = call.isAgentSpeaking();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (now != was) {
                    System.out.println("AGENT " + (now ? "starts" : "stops") + " at " + ms + " ms" + (now ? "" : ", after " + (ms - since) + " ms"));
                    since = ms;
                    was = now;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    // ---- what the call left behind ------------------------------------------------------------------

    private static void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((server.activeCalls() > 0 || ports.inUse() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.activeCalls()).as("calls left active").isZero();
        assertThat(ports.inUse()).as("RTP ports left allocated").isZero();
    }

    /**
     * Post-call took the call (it is handed over when the call has finished, a moment after the test
     * sees it finish): the backend has its call record with the outcome, the transcript is stored, and
     * nothing is left in the outbox but the Slack message, parked because this machine has no
     * webhook for the clinic (VOCADENT_SLACK_WEBHOOK_WESTBURY).
     */
    private static void assertPostCallDelivered(Finished f, String outcome, long before) throws Exception {
        String session = f.state().sessionId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (recorded(outcome) < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(recorded(outcome)).as("call records with outcome " + outcome).isEqualTo(before + 1);
        assertThat(storedTranscript(f)).contains(session);
        assertThat(runtime.postCall().awaitFirstAttempts(session, Duration.ofSeconds(60))).as("undelivered post-call items")
                .allSatisfy(i -> {
                    assertThat(i.kind()).isEqualTo(ItemKind.SLACK);
                    assertThat(i.parkedReason()).contains("VOCADENT_SLACK_WEBHOOK_WESTBURY is not set");
                });
    }

    /** The call's transcript as post-call stored it (the local store under data-dir/recordings; waits for it). */
    private static String storedTranscript(Finished f) throws Exception {
        String session = f.state().sessionId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        do {
            try (Stream<Path> files = Files.walk(shared.resolve("data").resolve("recordings"))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    String s = Files.readString(p);
                    if (s.contains(session)) {
                        return s;
                    }
                }
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException notYet) {
                // the store creates its folders with the first transcript
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no stored transcript for " + session);
    }

    /** Calls the backend has recorded for Westbury with this outcome (analytics over all of 2026). */
    private static long recorded(String outcome) throws Exception {
        if (runtime == null) {
            return 0;
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(backendUrl()
                            + "/analytics/summary?from=2026-01-01&to=2026-12-31"))
                    .header("Authorization", "Bearer " + DemoClinics.WESTBURY_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode byOutcome = Json.mapper().readTree(r.body()).get("by_outcome");
            return byOutcome == null || !byOutcome.has(outcome) ? 0 : byOutcome.get(outcome).asLong();
        }
    }

    /** A client of its own (the runtime's clients belong to the calls). */
    private static HttpBackendClient westbury() {
        return HttpBackendClient.create(runtime.backendUrl(), DemoClinics.WESTBURY, DemoClinics.WESTBURY_TOKEN);
    }

    private static String backendUrl() {
        return runtime.backendUrl().toString();
    }
}
