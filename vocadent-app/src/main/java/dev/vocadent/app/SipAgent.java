package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.VadOptions;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Everything {@code vocadent sip} needs to answer with the voice agent: the backend (the in-process
 * demo backend with {@code --demo}, else a running one), one backend client per clinic (its own token:
 * demo tokens, else {@code VOCADENT_TOKEN_<CLINIC>}), the config directory and tenant router over the
 * served clinics, the brain, and the offline voice (Silero VAD, pocketsphinx, espeak-ng).
 */
final class SipAgent implements AutoCloseable {
    private final EmbeddedBackend embedded;
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

    SipAgent(Config settings, URI backendUrl, boolean demo, String brainName, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.demo = demo;
        this.embedded = demo ? EmbeddedBackend.startDemo(Path.of(settings.getString("data-dir")), clock) : null;
        this.backendUrl = demo ? embedded.baseUrl() : backendUrl;
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
        this.tts = new EspeakTts(voice.getString("tts.espeak.binary"), voice.getString("tts.espeak.voice"),
                voice.getInt("tts.espeak.words-per-minute"));
        this.vad = SileroVad.start(VadOptions.from(voice.getConfig("vad")), voice.getInt("vad.max-batch"));
        AudioFrame primer;
        try {
            primer = tts.synthesize("Hello, I would like to book an appointment please.", null, 16000, 30_000);
        } catch (dev.vocadent.agent.voice.TtsException e) {
            throw new UserError("espeak-ng does not run (" + e.getMessage() + "): install espeak-ng or set vocadent.voice.tts.espeak.binary", 1);
        }
        this.stt = new PocketsphinxStt(Path.of(voice.getString("stt.pocketsphinx-model-dir")), primer);
        this.greetings = new GreetingCache(tts, voice.getLong("greeting.cache-bytes"), voice.getLong("greeting.timeout-ms"),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    /** The clinic's own backend client (its token), or null when no token is known for it (→ no such clinic). */
    HttpBackendClient client(String clinicId) {
        boolean known = clinicId.equals(DemoClinics.WESTBURY) || clinicId.equals(DemoClinics.DENTAL2);
        String token = demo ? (known ? DemoClinics.tokenOf(clinicId) : null)
                : System.getenv("VOCADENT_TOKEN_" + clinicId.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (token == null || token.isBlank()) {
            return null;
        }
        return clients.computeIfAbsent(clinicId, id -> HttpBackendClient.create(backendUrl, id, token));
    }

    DidRouter didRouter() {
        return DidRouter.of(router);
    }

    ClinicLookup lookup() {
        return ClinicLookup.of(directory);
    }

    CallHandler handler() {
        Config voice = settings.getConfig("voice");
        return new VoiceCallHandler((call, control) -> {
            CallState state = new CallState(call.callId(), null, call.clinic(), call.callerNumber());
            CallSession.Builder session = CallSession.builder(state).settings(settings).backend(client(call.clinicId()))
                    .brain(brain).clock(clock).callControl(control);
            return VoiceCall.builder(session).settings(voice).vad(vad).stt(stt).tts(tts).greetings(greetings);
        });
    }

    @Override
    public void close() {
        directory.close();
        clients.values().forEach(HttpBackendClient::close);
        vad.close();
        stt.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
