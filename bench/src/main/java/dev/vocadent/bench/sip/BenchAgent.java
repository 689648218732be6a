package dev.vocadent.bench.sip;

import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.voice.ScriptedSpeechToText;
import dev.vocadent.agent.voice.ToneTextToSpeech;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.providers.local.vad.SileroVad;
import dev.vocadent.telephony.ClinicLookup;
import dev.vocadent.telephony.agent.VoiceCallHandler;
import dev.vocadent.telephony.routing.DidRouter;
import dev.vocadent.telephony.rtp.RtpPortAllocator;
import dev.vocadent.telephony.sip.SipServer;
import dev.vocadent.telephony.sip.SipServerConfig;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system under test, as {@code vocadent sip} wires it but with instant fakes around the real VAD:
 * the JAIN-SIP {@link SipServer} on 127.0.0.1 routing the demo clinics' numbers, each call answered by
 * {@link VoiceCallHandler} with a {@link VoiceCall} on the real Silero VAD (shared, batched), a
 * scripted STT (a final transcript at each end of speech), an {@link InstantBrain}, the tone TTS and
 * an in-memory backend.
 */
final class BenchAgent implements AutoCloseable {
    /** The number sipp dials (Westbury Dental). */
    static final String DIALLED = "+441632960001";

    final RtpPortAllocator ports;
    final SipServer server;
    private final SileroVad vad;
    private final ClinicDirectory directory;
    private final AtomicLong callerTurns = new AtomicLong();
    private final AtomicLong callsAnswered = new AtomicLong();

    BenchAgent(int rtpFrom, int rtpTo, int maxCalls) throws Exception {
        ports = new RtpPortAllocator(rtpFrom, rtpTo);
        vad = SileroVad.start(VadOptions.DEFAULTS, 256);
        Map<String, ClinicConfig> clinics = Map.of(DemoClinics.WESTBURY, DemoClinics.westbury(),
                DemoClinics.DENTAL2, DemoClinics.dental2());
        directory = ClinicDirectory.builder(id -> Optional.ofNullable(clinics.get(id))).build();
        TenantRouter router = TenantRouter.builder(directory).servedClinics(List.copyOf(clinics.keySet())).build();
        router.warmUp().get(10, TimeUnit.SECONDS);
        ClinicLookup lookup = id -> CompletableFuture.completedFuture(clinics.get(id));
        List<String> script = Collections.nCopies(200, "I'd like to book a check-up please.");
        InstantBrain brain = new InstantBrain();
        ToneTextToSpeech tts = new ToneTextToSpeech("tone", 50, -1);
        VoiceCallHandler handler = new VoiceCallHandler((call, control) -> {
            callsAnswered.incrementAndGet();
            CallState state = new CallState(call.callId(), null, call.clinic(), call.callerNumber());
            CallSession.Builder session = CallSession.builder(state)
                    .backend(new FakeBackend(call.clinic(), Clock.systemUTC())).brain(brain).callControl(control);
            return VoiceCall.builder(session).vad(vad).stt(new ScriptedSpeechToText(script, 500)).tts(tts)
                    .onCallerTurn(t -> callerTurns.incrementAndGet());
        });
        SipServerConfig config = new SipServerConfig("127.0.0.1", 0, null, ports, maxCalls, 5, 30_000, 30_000,
                10_000, 2, 10);
        server = new SipServer(config, DidRouter.of(router), lookup, handler, Clock.systemUTC());
        server.start();
    }

    int port() {
        return server.port();
    }

    long callerTurns() {
        return callerTurns.get();
    }

    long callsAnswered() {
        return callsAnswered.get();
    }

    /** VAD windows run so far (each 32 ms of one call's audio). */
    long vadWindows() {
        return vad.windows();
    }

    /** Waits until no call is active and no RTP port is held; false when that did not happen in time. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (server.activeCalls() > 0 || ports.inUse() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        server.close();
        vad.close();
        directory.close();
    }
}
