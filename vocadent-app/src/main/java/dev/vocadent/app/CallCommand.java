package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.Wav;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.providers.local.stt.PocketsphinxStt;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vocadent call}: a simulated phone call through the whole voice pipeline. Each script line is
 * spoken by espeak-ng as 8 kHz phone audio into a {@link VoiceCall} (Silero VAD → pocketsphinx → brain
 * → tools → espeak-ng → paced frames); the mixed call audio is written as a WAV file.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Simulate a phone call: the caller speaks the lines of a script (espeak-ng, 8 kHz phone audio)",
                "to the agent over the real voice pipeline (Silero VAD, pocketsphinx, brain, tools, espeak-ng).",
                "Script lines: words to say; '!words' interrupts the agent; 'dtmf: 0770…#' presses keys."})
final class CallCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Mixin
    AgentOptions agent = new AgentOptions();

    @Option(names = "--caller-script", required = true, description = "The caller's lines (see README).")
    Path script;

    @Option(names = "--out", description = "Folder for the call recording (call-<id>.wav). Default: no recording.")
    Path outDir;

    @Option(names = "--json", description = "One JSON object per line on stdout, as chat --json, plus {\"type\":\"turn\",\"latency\":…}.")
    boolean json;

    @Option(names = "--caller", defaultValue = "+447700900123", description = "The caller's number as the line shows it (default: ${DEFAULT-VALUE}).")
    String caller;

    @Option(names = "--speed", defaultValue = "1", description = "Run the simulated call this many times faster than real time (1-4).")
    double speed;

    private final Function<String, Brain> brains;
    private final PrintStream out;
    private final Clock clock;
    private final Path dataDir;
    volatile CallState lastState;

    CallCommand() {
        this(null, System.out, Clock.systemUTC(), null);
    }

    /** For tests: {@code brains} replaces the {@link BrainFactory}; {@code dataDir} the demo backend's data folder. */
    CallCommand(Function<String, Brain> brains, PrintStream out, Clock clock, Path dataDir) {
        this.brains = brains;
        this.out = out;
        this.clock = clock;
        this.dataDir = dataDir;
    }

    @Override
    public Integer call() throws Exception {
        Config settings = Settings.load();
        BrainFactory.check(agent.brainName);
        if (!(speed >= 1 && speed <= 4)) {
            throw new UserError("--speed must be between 1 and 4, was " + speed);
        }
        String callerPhone = dev.vocadent.core.tenant.PhoneNumbers.callerNumber(caller)
                .orElseThrow(() -> new UserError("--caller '" + caller + "' is not a phone number"));
        CallerScript lines = CallerScript.read(script);
        if (outDir != null) {
            Files.createDirectories(outDir);
            if (!Files.isWritable(outDir)) {
                throw new UserError("--out " + outDir + " is not writable");
            }
        }
        URI url = agent.backend();
        Brain brain = agent.brain(brains, settings);
        Config voice = settings.getConfig("voice");
        EspeakTts agentVoice = OfflineVoice.agentVoice(voice);
        EspeakTts callerVoice = OfflineVoice.callerVoice(voice);
        SimulatedCaller sim = new SimulatedCaller(lines, callerVoice, speed);
        AudioFrame primer = OfflineVoice.primer(callerVoice);
        try (ClinicBackend backend = ClinicBackend.open(agent.clinic, url, agent.token, dataDir, clock, settings);
             SileroVad vad = OfflineVoice.vad(voice);
             PocketsphinxStt stt = OfflineVoice.stt(voice, primer)) {
            ChatPrinter printer = new ChatPrinter(out, json);
            CallState state = new CallState("call-" + UUID.randomUUID(), null, backend.config(), callerPhone);
            CallSession.Builder session = CallSession.builder(state).settings(settings).backend(backend.client())
                    .brain(brain).clock(clock).callControl(new CallControl() {
                        @Override
                        public void hangUp(String reason) {
                            // the simulated line ends when the session has ended and its last words played
                        }

                        @Override
                        public CompletableFuture<Boolean> transfer(String number) {
                            return CompletableFuture.completedFuture(false); // no phone network here
                        }
                    })
                    .listener(printer)
                    .listener(new SessionListener() {
                        @Override
                        public void listening() {
                            sim.agentListening();
                        }
                    });
            GreetingCache greetings = OfflineVoice.greetings(agentVoice, voice, Executors.newVirtualThreadPerTaskExecutor());
            VoiceCall call = VoiceCall.builder(session).settings(voice).vad(vad).stt(stt).tts(agentVoice)
                    .greetings(greetings).inputRate(SimulatedCaller.RATE).outputRate(SimulatedCaller.RATE)
                    .output(sim::agentFrame).clock(sim.clock())
                    .onTurnLatency(printer::latency).onCallerTurn(printer::heard).build();
            AudioFrame mixed;
            try {
                mixed = sim.run(call);
            } finally {
                call.close();
            }
            lastState = state;
            if (outDir != null) {
                Path wav = outDir.resolve(state.sessionId() + ".wav");
                writeWav(wav, mixed);
                if (!json) {
                    out.println("recording: " + wav);
                }
            }
            CallOutcome outcome = call.session().ended().join();
            out.flush();
            return outcome == null ? 1 : 0;
        }
    }

    private static void writeWav(Path file, AudioFrame audio) {
        try {
            Wav.write(file, audio);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }
}
