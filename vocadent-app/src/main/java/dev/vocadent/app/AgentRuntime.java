package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.cache.ClinicConfigSource;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.providers.local.stt.PocketsphinxStt;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import dev.vocadent.telephony.CallHandler;
import dev.vocadent.telephony.ClinicLookup;
import dev.vocadent.telephony.agent.VoiceCallHandler;
import dev.vocadent.telephony.routing.DidRouter;
import dev.vocadent.agent.audio.PacerClock;
import dev.vocadent.app.wiring.PostCallWiring;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.livekit.call.VoiceCallFactory;
import dev.vocadent.postcall.Channel;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.Preview;
import dev.vocadent.postcall.Receipt;
import java.net.URI;
import java.time.Instant;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Everything a long-running channel ({@code vocadent sip}, {@code vocadent worker}) needs to answer
 * with the voice agent: the backend (the in-process demo backend with {@code --demo}, else a running
 * one), one backend client per clinic (its own token: demo tokens, else {@link ClinicTokens}), the
 * config directory and tenant router over the served clinics, the brain, the offline voice (Silero
 * VAD, pocketsphinx, espeak-ng, shared by all calls) and post-call processing of every call.
 */
final class AgentRuntime implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AgentRuntime.class);
    private final AutoCloseable embedded;
    private final URI backendUrl;
    private final Map<String, HttpBackendClient> clients = new ConcurrentHashMap<>();
    private final boolean demo;
    final ClinicDirectory directory;
    final TenantRouter router;
    private final SileroVad vad;
    private final PocketsphinxStt stt;
    private final EspeakTts tts;
    private final GreetingCache greetings;
    private final Brain brain;
    private final Config settings;
    private final Clock clock;
    private final ClinicTokens tokens = ClinicTokens.fromEnvironment();
    private final PostCallWiring postCall;
    private final SipRecordings recordings = new SipRecordings();
    private volatile CallWatch watch;

    AgentRuntime(Config settings, URI backendUrl, boolean demo, String brainName, Clock clock) {
        this(settings, demo ? EmbeddedBackend.startDemo(Path.of(settings.getString("data-dir")), clock) : null, backendUrl,
                demo, brainName, clock);
    }

    /** Over a demo backend already started (e.g. on the port {@code vocadent demo} was given); closes it on {@link #close}. */
    static AgentRuntime overDemoBackend(Config settings, AutoCloseable backend, URI backendUrl, String brainName, Clock clock) {
        return new AgentRuntime(settings, backend, backendUrl, true, brainName, clock);
    }

    private AgentRuntime(Config settings, AutoCloseable embedded, URI backendUrl, boolean demo, String brainName, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.demo = demo;
        this.embedded = embedded;
        this.backendUrl = embedded instanceof EmbeddedBackend e ? e.baseUrl() : backendUrl;
        this.directory = ClinicDirectory.builder(ClinicConfigSource.backend(this::client)).settings(settings).build();
        TenantRouter.Builder rb = TenantRouter.builder(directory).settings(settings);
        if (demo) {
            rb.servedClinics(List.of(DemoClinics.WESTBURY, DemoClinics.DENTAL2));
        }
        this.router = rb.build();
        if (router.servedClinics().isEmpty()) {
            throw new UserError("vocadent.clinics (VOCADENT_CLINICS) must list the clinics whose numbers this server answers");
        }
        router.warmUp().join();
        this.brain = BrainFactory.DEFAULT.create(brainName, settings);
        Config voice = settings.getConfig("voice");
        this.tts = OfflineVoice.agentVoice(voice);
        this.vad = OfflineVoice.vad(voice);
        AudioFrame primer;
        try {
            primer = OfflineVoice.primer(tts);
        } catch (dev.vocadent.agent.voice.TtsException e) {
            throw new UserError("espeak-ng does not run (" + e.getMessage() + "): install espeak-ng or set vocadent.voice.tts.espeak.binary", 1);
        }
        this.stt = OfflineVoice.stt(voice, primer);
        this.postCall = PostCallWiring.open(settings, this::clientFor, System::getenv, clock, this::servedClinicConfigs);
        postCall.watchAudioPacing(dev.vocadent.agent.audio.PacingMeters.global());
        this.greetings = OfflineVoice.greetings(tts, voice, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** The clinic's own backend client (its token), or null when no token is known for it (→ no such clinic). */
    HttpBackendClient client(String clinicId) {
        boolean known = clinicId.equals(DemoClinics.WESTBURY) || clinicId.equals(DemoClinics.DENTAL2);
        String token = demo ? (known ? DemoClinics.tokenOf(clinicId) : null) : tokens.tokenOf(clinicId).orElse(null);
        if (token == null || token.isBlank()) {
            return null;
        }
        return clients.computeIfAbsent(clinicId, id -> HttpBackendClient.create(backendUrl, id, token));
    }

    private HttpBackendClient clientFor(String clinicId) {
        HttpBackendClient c = client(clinicId);
        if (c == null) {
            throw new IllegalStateException("no backend token for clinic " + clinicId);
        }
        return c;
    }

    /** The configs of the clinics this process serves (for the retention job); a clinic that cannot be loaded now is skipped. */
    private List<ClinicConfig> servedClinicConfigs() {
        List<ClinicConfig> out = new java.util.ArrayList<>();
        for (String id : router.servedClinics()) {
            try {
                out.add(directory.get(id));
            } catch (RuntimeException e) {
                log.warn("retention: clinic {} skipped this run, its config is unavailable: {}", id, e.getMessage());
            }
        }
        return out;
    }

    /** The in-process demo backend ({@code --demo}), else null. */
    EmbeddedBackend embeddedBackend() {
        return embedded instanceof EmbeddedBackend e ? e : null;
    }

    /** A voice call for a clinic, everything set but the transport's rates, output and pacing. */
    VoiceCall.Builder voiceCall(String sessionId, String roomName, ClinicConfig clinic, String callerPhone, CallControl control) {
        CallState state = new CallState(sessionId, roomName, clinic, callerPhone);
        CallSession.Builder session = CallSession.builder(state).settings(settings).backend(client(clinic.customerId()))
                .brain(brain).clock(clock).callControl(control);
        CallWatch w = watch;
        if (w != null) {
            session.listener(w.session(sessionId));
        }
        VoiceCall.Builder call = VoiceCall.builder(session).settings(settings.getConfig("voice")).vad(vad).stt(stt).tts(tts)
                .greetings(greetings).onTurnLatency(l -> postCall.recordTurnLatency(clinic.customerId(), l));
        if (w != null) {
            call.onCallerTurn(text -> w.callerTurn(sessionId, text));
        }
        return call;
    }

    /** Shows every call from now on to {@code w} (as it happens, and its post-call result). */
    void watch(CallWatch w) {
        this.watch = w;
    }

    /**
     * Records the server's calls to Ogg/Opus files in {@code dir} and hands each recording to the call's
     * post-call processing (which waits for it when the call has ended).
     */
    void recordCalls(dev.vocadent.telephony.sip.SipServer server, Path dir, boolean stereo) {
        recordings.enable();
        server.recordCalls(dir, stereo, (call, file) -> {
            log.info("call {} recorded to {}", call.callId(), file);
            recordings.recorded(call.callId(), file);
        });
    }

    /** Hands a call to post-call processing once its session has ended (a SIP call's recording once the call is over). */
    void afterCall(VoiceCall call, Channel channel) {
        Instant started = clock.instant();
        String id = call.session().sessionId();
        java.util.concurrent.CompletableFuture<Path> recording = channel == Channel.SIP ? recordings.of(id) : null;
        // the session's end, not call.finished(): that one waits for the last words' playout, which a
        // SIP call torn down by the agent's BYE may never report
        call.session().ended().whenComplete((outcome, error) -> Thread.ofVirtual().name("postcall-" + id).start(() -> {
            Instant ended = clock.instant();
            Path file = recording == null ? null : recordings.await(id, recording);
            try {
                if (!call.session().isEnded()) {
                    throw new IllegalStateException("the session has not ended");
                }
                FinishedCall finished = postCall.finishedCall(call.session().state(), channel, started, ended,
                        call.turnLatencies(), Usage.NONE, file);
                CallWatch w = watch;
                Preview preview = w == null ? null : postCall.preview(finished);
                Receipt receipt = postCall.postCall().submit(finished);
                if (w != null) {
                    w.postCall(call.session().state(), preview, receipt, postCall);
                }
            } catch (RuntimeException e) {
                log.warn("post-call: call {} not queued: {}", id, e.getMessage());
                CallWatch w = watch;
                if (w != null) {
                    w.postCallFailed(call.session().state(), e.getMessage());
                }
            }
        }));
    }

    /** The LiveKit worker's voice calls (16 kHz both ways, paced by the room bridge's pacer clock). */
    VoiceCallFactory liveKitCalls(PacerClock pacer) {
        return (sessionId, room, clinic, phone, control, output, outRate, inRate) -> {
            VoiceCall call = voiceCall(sessionId, room, clinic, phone, control)
                    .inputRate(inRate).outputRate(outRate).output(output).pacerClock(pacer).build();
            afterCall(call, Channel.LIVEKIT);
            return call;
        };
    }

    DidRouter didRouter() {
        return DidRouter.of(router);
    }

    ClinicLookup lookup() {
        return ClinicLookup.of(directory);
    }

    CallHandler sipHandler() {
        return new VoiceCallHandler((call, control) -> voiceCall(call.callId(), null, call.clinic(), call.callerNumber(), control),
                call -> afterCall(call, Channel.SIP));
    }

    /** The post-call pipeline every call is handed to. */
    PostCallWiring postCall() {
        return postCall;
    }

    /** The backend the calls' tools use (the embedded demo backend with {@code --demo}). */
    URI backendUrl() {
        return backendUrl;
    }

    @Override
    public void close() {
        postCall.close();
        directory.close();
        clients.values().forEach(HttpBackendClient::close);
        vad.close();
        stt.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                log.warn("stopping the demo backend failed: {}", e.toString());
            }
        }
    }
}
