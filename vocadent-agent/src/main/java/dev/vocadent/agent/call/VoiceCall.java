package dev.vocadent.agent.call;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.audio.PacerClock;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.agent.voice.BargeInDetector;
import dev.vocadent.agent.voice.EndOfTurnDetector;
import dev.vocadent.agent.voice.FirstWordsBuffer;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.IdleDetector;
import dev.vocadent.agent.voice.SpeechToText;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TurnOptions;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone call's voice pipeline around its {@link CallSession}, independent of the transport (SIP,
 * LiveKit, a WAV simulation). Caller audio: {@link #callerAudio} → first-words buffer → VAD and STT →
 * end-of-turn → {@code session.callerSaid}. Agent audio: session text → sentences → TTS → 20 ms paced
 * frames → the transport's {@link FrameConsumer}. Barge-in, idle prompts, filler lines on slow turns,
 * DTMF and hang-up are handled here; per-turn latency is kept as {@link TurnLatency}.
 *
 * <pre>{@code
 * VoiceCall call = VoiceCall.builder(CallSession.builder(state).backend(b).brain(brain).callControl(cc))
 *         .vad(vad).stt(stt).tts(tts).greetings(cache)
 *         .inputRate(8000).outputRate(8000).output(rtpSender).pacerClock(sharedClock).build();
 * call.start();                       // answer: greeting plays at once
 * call.callerAudio(pcm, 0, 160);      // every 20 ms from the transport's thread
 * call.callerDtmf('5'); call.callerHungUp();
 * call.finished().join();             // session ended and its last words played: hang up now
 * }</pre>
 *
 * Event handling is serialised on this object; nothing here blocks on I/O (TTS and STT streams return
 * at once; slow work runs on the executor).
 */
public final class VoiceCall implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoiceCall.class);
    public static final String IDLE_PROMPT = "Are you still there?";
    public static final String IDLE_GOODBYE = "I can't hear anyone, so I'll end the call now. Goodbye.";
    public static final String FILLER = "One moment while I check that.";

    private final CallSession session;
    private final InstantSource clock;
    private final Executor executor;
    private final Vad vad;
    private final SpeechToText stt;
    private final int inputRate;
    private final List<String> keyterms;
    private final FirstWordsBuffer firstWords;
    private final EndOfTurnDetector endOfTurn;
    private final BargeInDetector bargeIn;
    private final IdleDetector idle;
    private final AgentVoice voice;
    private final TurnTimings timings;
    private final long fillerDelayMillis;
    private final CompletableFuture<CallOutcome> finished = new CompletableFuture<>();
    private final Consumer<String> callerTurns;

    private Vad.Stream vadStream;
    private volatile SpeechToText.Stream sttStream;
    private boolean started;
    private boolean closed;
    private boolean ignoreFinals;      // caller speech that overlapped the agent without interrupting
    private boolean awaitingReply;     // a caller turn is with the session
    private long lastProgress;         // last sign of the reply (caller turn end, agent text, tool)
    private boolean fillerSaid;
    private boolean idleHangingUp;
    private boolean sessionEnded;
    private CallOutcome outcome;
    private final StringBuilder callerWords = new StringBuilder();

    private VoiceCall(Builder b) {
        this.clock = b.clock;
        this.executor = b.executor;
        this.vad = Objects.requireNonNull(b.vad, "vad");
        this.stt = Objects.requireNonNull(b.stt, "stt");
        this.inputRate = b.inputRate;
        this.fillerDelayMillis = b.fillerDelay.toMillis();
        this.callerTurns = b.callerTurns;
        TurnOptions turn = b.turnOptions;
        this.firstWords = new FirstWordsBuffer(inputRate, b.firstWordsMillis);
        this.endOfTurn = new EndOfTurnDetector(turn, clock, this::turnEnded);
        this.bargeIn = new BargeInDetector(turn, clock, this::interrupted);
        this.idle = new IdleDetector(turn, clock, new IdleDetector.Listener() {
            @Override
            public void promptIdleCaller() {
                if (voice.sayLine(IDLE_PROMPT)) {
                    agentStarted();
                }
            }

            @Override
            public void hangUpIdleCall() {
                idleHangingUp = true;
                if (voice.sayLine(IDLE_GOODBYE)) {
                    agentStarted();
                } else {
                    session.end();
                }
            }
        });
        b.sessionBuilder.listener(new Relay());
        b.sessionBuilder.meterRegistry(b.registry);
        this.session = b.sessionBuilder.build();
        CallState state = session.state();
        ClinicConfig clinic = state.customerContext();
        this.keyterms = clinic.sttKeyterms() == null ? List.of() : clinic.sttKeyterms();
        this.timings = new TurnTimings(b.registry, b.latencySink, state.sessionId());
        this.voice = new AgentVoice(b.tts, b.greetings, clinic, b.outputRate, b.ringMillis, b.silenceWhenIdle,
                b.output, clock, timings, this::agentDrained);
        if (b.pacerClock != null) {
            voice.pacer().start(b.pacerClock);
        }
    }

    public static Builder builder(CallSession.Builder session) {
        return new Builder(session);
    }

    /** Answers: opens VAD and STT (STT in the background; caller audio meanwhile is buffered) and plays the greeting. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        vadStream = vad.stream(inputRate, new VadRelay());
        voice.greet();
        if (voice.isPlaying()) {
            agentStarted();
        }
        session.start();
        executor.execute(this::openStt);
    }

    private void openStt() {
        SpeechToText.Stream s;
        try {
            s = stt.stream(new SpeechToText.Options(inputRate, "en-GB", keyterms), new SttRelay());
        } catch (RuntimeException e) {
            log.error("call {}: speech recognition did not start: {}", session.sessionId(), e.toString());
            return;
        }
        synchronized (this) {
            if (closed) {
                s.close();
                return;
            }
            sttStream = s;
            s.expect(session.expectedAnswer());
        }
        firstWords.connected(s::push);
    }

    /**
     * Caller audio, at the input rate, in 20 ms frames (any length works), on the transport's thread.
     * Never blocks on recognition; also drives the call's timers.
     */
    public void callerAudio(short[] pcm, int off, int len) {
        Vad.Stream v = vadStream;
        if (v == null || closed) {
            firstWords.push(pcm, off, len); // before start(): kept for the recogniser
            return;
        }
        v.push(pcm, off, len);
        firstWords.push(pcm, off, len);
        tick();
    }

    /** Same as {@link #callerAudio(short[], int, int)} for a frame. */
    public void callerAudio(AudioFrame frame) {
        if (frame.sampleRate() != inputRate) {
            throw new IllegalArgumentException("caller audio must be " + inputRate + " Hz, was " + frame.sampleRate());
        }
        callerAudio(frame.samples(), 0, frame.length());
    }

    /** A key the caller pressed. */
    public synchronized void callerDtmf(char key) {
        idle.callerActivity();
        if (!awaitingReply) {
            awaitingReply = true;
            lastProgress = clock.millis();
            fillerSaid = false;
        }
        session.callerDtmf(key);
    }

    /** The caller hung up (BYE, left the room). */
    public void callerHungUp() {
        synchronized (this) {
            voice.stop();
        }
        session.callerLeft();
    }

    /** Runs the call's timers (end of turn, barge-in, idle, filler). Called on every caller frame; call it if no audio flows. */
    public synchronized void tick() {
        if (closed || !started) {
            return;
        }
        bargeIn.tick();
        endOfTurn.tick();
        if (!sessionEnded) {
            idle.tick();
        }
        long now = clock.millis();
        if (awaitingReply && !fillerSaid && !voice.isPlaying() && now - lastProgress >= fillerDelayMillis) {
            fillerSaid = true;
            voice.filler(FILLER);
            agentStarted();
        }
    }

    /** True while agent audio is being produced or played (a turn, the greeting, a filler or idle line). */
    public boolean isAgentSpeaking() {
        return voice.isPlaying();
    }

    public CallSession session() {
        return session;
    }

    /** Latency of each completed turn so far (for the call record). */
    public List<TurnLatency> turnLatencies() {
        return timings.all();
    }

    /** The outgoing audio's pacer (tests tick it by hand; transports normally pass a {@link PacerClock}). */
    public dev.vocadent.agent.audio.AudioPacer pacer() {
        return voice.pacer();
    }

    /** Completes with the outcome once the session has ended and its last words have been played. */
    public CompletableFuture<CallOutcome> finished() {
        return finished.copy();
    }

    /** Samples of caller audio dropped because STT took too long to connect. */
    public long droppedCallerSamples() {
        return firstWords.droppedSamples();
    }

    /**
     * Ends the call's media: nothing more is heard or played. The session ends too if it has not
     * ({@code hung_up} unless another outcome was recorded), and {@link #finished} completes even if
     * the last words were still playing (they never will now).
     */
    @Override
    public void close() {
        boolean endedAlready;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            voice.close();
            if (vadStream != null) {
                vadStream.close();
            }
            if (sttStream != null) {
                sttStream.close();
            }
            endedAlready = sessionEnded;
        }
        if (endedAlready) {
            finish(outcome);
        } else if (!session.isEnded()) {
            session.end();
        }
    }

    // ---- caller side ---------------------------------------------------------------------------

    private synchronized void speechStarted() {
        ignoreFinals = false;
        callerWords.setLength(0);
        endOfTurn.speechStarted();
        bargeIn.speechStarted();
        idle.callerActivity();
    }

    private synchronized void speechEnded() {
        timings.endOfSpeech(clock.millis());
        bargeIn.speechEnded();
        if (voice.isPlaying() && !voice.interruptedThisTurn()) {
            ignoreFinals = true; // overlapped the agent without taking the floor (backchannel)
            endOfTurn.reset();
        } else {
            endOfTurn.speechEnded();
        }
        SpeechToText.Stream s = sttStream;
        if (s != null) {
            s.finalizeUtterance();
        }
    }

    private synchronized void finalText(String text) {
        if (ignoreFinals || text == null || text.isBlank()) {
            return;
        }
        timings.finalTranscript(clock.millis());
        endOfTurn.finalText(text);
        callerWords.append(callerWords.isEmpty() ? "" : " ").append(text.strip());
        bargeIn.transcript(callerWords.toString());
    }

    private synchronized void interim(String text) {
        if (!ignoreFinals) {
            bargeIn.transcript(callerWords.isEmpty() ? text : callerWords + " " + text);
        }
    }

    private synchronized void endOfUtterance() {
        if (!ignoreFinals) {
            endOfTurn.endOfUtterance();
        }
    }

    /** EndOfTurnDetector: the caller's turn is complete. */
    private void turnEnded(String transcript) {
        callerWords.setLength(0);
        timings.turnEnded(clock.millis());
        awaitingReply = true;
        fillerSaid = false;
        lastProgress = clock.millis();
        idle.agentSpeaking(true); // the agent holds the turn until its answer has played
        callerTurns.accept(transcript);
        session.callerSaid(transcript);
    }

    /** BargeInDetector: the caller took the floor. */
    private void interrupted(String words) {
        String heard = voice.interrupt();
        log.debug("call {}: barge-in after {} chars heard", session.sessionId(), heard.length());
        session.agentHeard(heard);
        idle.agentSpeaking(false);
    }

    // ---- agent side ----------------------------------------------------------------------------

    private void agentStarted() {
        bargeIn.agentSpeaking(true);
        idle.agentSpeaking(true);
    }

    /** Pacer thread → executor: all queued agent audio has been played. */
    private void agentDrained() {
        executor.execute(() -> {
            boolean finish;
            synchronized (this) {
                if (voice.isPlaying()) {
                    return; // more audio came meanwhile
                }
                bargeIn.agentSpeaking(false);
                if (!awaitingReply) {
                    idle.agentSpeaking(false);
                }
                finish = sessionEnded;
                if (idleHangingUp && !sessionEnded) {
                    session.end();
                }
            }
            if (finish) {
                finish(outcome);
            }
        });
    }

    /**
     * Completes {@link #finished} once the session's own {@code ended()} future has completed too: the
     * session tells its listeners (our {@link Relay#ended}) just before that future completes, and whoever
     * waits on {@code finished()} (post-call) needs {@code session.isEnded()} to hold.
     */
    private void finish(CallOutcome o) {
        session.ended().whenComplete((ignored, error) -> finished.complete(o));
    }

    /** Session events, on the session's thread. */
    private final class Relay implements SessionListener {
        @Override
        public void agentText(String delta) {
            synchronized (VoiceCall.this) {
                lastProgress = clock.millis();
                if (voice.text(delta)) {
                    agentStarted();
                }
            }
        }

        @Override
        public void toolCalled(String name, com.fasterxml.jackson.databind.JsonNode args, boolean ok, String message,
                               com.fasterxml.jackson.databind.JsonNode data) {
            synchronized (VoiceCall.this) {
                lastProgress = clock.millis();
            }
        }

        @Override
        public void listening() {
            ExpectedAnswer expected = session.expectedAnswer();
            synchronized (VoiceCall.this) {
                awaitingReply = false;
                voice.endTurn();
                endOfTurn.expect(expected);
                SpeechToText.Stream s = sttStream;
                if (s != null) {
                    s.expect(expected);
                }
                if (!voice.isPlaying()) {
                    idle.agentSpeaking(false);
                }
            }
        }

        @Override
        public void ended(CallOutcome o, CallState state) {
            boolean now;
            synchronized (VoiceCall.this) {
                sessionEnded = true;
                outcome = o;
                awaitingReply = false;
                voice.endTurn();
                now = !voice.isPlaying();
            }
            if (now) {
                finish(o);
            }
        }
    }

    private final class VadRelay implements Vad.Listener {
        @Override
        public void speechStarted(long startMillis) {
            VoiceCall.this.speechStarted();
        }

        @Override
        public void speechEnded(long startMillis, long endMillis) {
            VoiceCall.this.speechEnded();
        }
    }

    private final class SttRelay implements SpeechToText.Listener {
        @Override
        public void interim(String text) {
            VoiceCall.this.interim(text);
        }

        @Override
        public void finalText(String text, double confidence) {
            VoiceCall.this.finalText(text);
        }

        @Override
        public void endOfUtterance() {
            VoiceCall.this.endOfUtterance();
        }

        @Override
        public void error(String message, boolean recoverable) {
            log.warn("call {}: speech recognition error ({}): {}", session.sessionId(),
                    recoverable ? "recoverable" : "fatal", message);
        }
    }

    /** Builds a {@link VoiceCall}; vad, stt, tts and output are required. */
    public static final class Builder {
        private final CallSession.Builder sessionBuilder;
        private Vad vad;
        private SpeechToText stt;
        private TextToSpeech tts;
        private GreetingCache greetings;
        private FrameConsumer output;
        private PacerClock pacerClock;
        private int inputRate = 8000;
        private int outputRate = 8000;
        private int ringMillis = 2000;
        private boolean silenceWhenIdle = true;
        private int firstWordsMillis = 5000;
        private TurnOptions turnOptions = TurnOptions.DEFAULTS;
        private InstantSource clock = InstantSource.system();
        private Executor executor = Executors.newVirtualThreadPerTaskExecutor();
        private MeterRegistry registry = Metrics.globalRegistry;
        private Duration fillerDelay = Duration.ofMillis(700);
        private Consumer<TurnLatency> latencySink = t -> {};
        private Consumer<String> callerTurns = t -> {};

        private Builder(CallSession.Builder sessionBuilder) {
            this.sessionBuilder = Objects.requireNonNull(sessionBuilder, "session builder");
        }

        public Builder vad(Vad v) { this.vad = v; return this; }

        public Builder stt(SpeechToText s) { this.stt = s; return this; }

        public Builder tts(TextToSpeech t) { this.tts = t; return this; }

        /** Cached greeting clips (optional: without it the greeting is synthesised like any turn). */
        public Builder greetings(GreetingCache g) { this.greetings = g; return this; }

        /** Where the paced 20 ms agent frames go (must not block). */
        public Builder output(FrameConsumer o) { this.output = o; return this; }

        /** The shared 20 ms clock; null (default) → the caller ticks {@link #pacer()} itself. */
        public Builder pacerClock(PacerClock c) { this.pacerClock = c; return this; }

        /** Caller audio rate: 8000 or 16000. */
        public Builder inputRate(int hz) {
            if (hz != 8000 && hz != 16000) {
                throw new IllegalArgumentException("caller audio must be 8000 or 16000 Hz, was " + hz);
            }
            this.inputRate = hz;
            return this;
        }

        public Builder outputRate(int hz) { this.outputRate = hz; return this; }

        public Builder playout(int ringMillis, boolean silenceWhenIdle) {
            this.ringMillis = ringMillis;
            this.silenceWhenIdle = silenceWhenIdle;
            return this;
        }

        public Builder firstWordsMillis(int ms) { this.firstWordsMillis = ms; return this; }

        public Builder turnOptions(TurnOptions t) { this.turnOptions = Objects.requireNonNull(t); return this; }

        public Builder clock(InstantSource c) { this.clock = Objects.requireNonNull(c); return this; }

        /** Runs STT connection and pacer follow-ups (default: a virtual thread each). */
        public Builder executor(Executor e) { this.executor = Objects.requireNonNull(e); return this; }

        public Builder meterRegistry(MeterRegistry r) { this.registry = Objects.requireNonNull(r); return this; }

        /** Silence after the caller's turn (or the agent's last words) before the filler line. */
        public Builder fillerDelay(Duration d) { this.fillerDelay = Objects.requireNonNull(d); return this; }

        /** Receives each turn's latency as soon as it is complete (on an internal thread; must not block). */
        public Builder onTurnLatency(Consumer<TurnLatency> sink) { this.latencySink = Objects.requireNonNull(sink); return this; }

        /** Receives each recognised caller turn as it goes to the session (must not block). */
        public Builder onCallerTurn(Consumer<String> c) { this.callerTurns = Objects.requireNonNull(c); return this; }

        /** Voice settings from the {@code vocadent.voice} block (turn, playout, first-words buffer). */
        public Builder settings(com.typesafe.config.Config voice) {
            this.turnOptions = TurnOptions.from(voice.getConfig("turn"));
            this.firstWordsMillis = voice.getInt("turn.first-words-buffer-ms");
            return playout(voice.getInt("playout.ring-ms"), voice.getBoolean("playout.silence-when-idle"));
        }

        public VoiceCall build() {
            Objects.requireNonNull(tts, "tts");
            Objects.requireNonNull(output, "output");
            return new VoiceCall(this);
        }
    }
}
