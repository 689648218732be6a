package dev.vocadent.app;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.SpeechToText;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.providers.local.brain.eval.CallUnderTest;
import dev.vocadent.providers.local.brain.eval.ToolRecorder;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A scenario call over the whole voice path, one caller turn at a time: each caller line is spoken (its
 * {@link SpokenForm}, pre-synthesised as 8 kHz phone audio) into a {@link VoiceCall} (VAD → STT → brain →
 * tools → TTS → paced frames), one 20 ms frame per step, at {@code speed} × real time on a simulated clock;
 * a turn ends when the agent has finished speaking and 400 ms of quiet followed. When nothing of a line
 * was recognised and the agent prompts, the caller says it again. Records what the recogniser heard of
 * each attempt and each turn's latency.
 */
final class VoiceScenarioCall implements CallUnderTest, AutoCloseable {
    static final int RATE = SimulatedCaller.RATE;
    private static final int FRAME = RATE / 50;
    private static final int GAP_FRAMES = 20;              // the caller answers 400 ms after the agent stops
    private static final int TURN_LIMIT_FRAMES = 50 * 45;  // a turn with no reply ends after 45 simulated seconds
    static final int MAX_REPEATS = 2;                      // a line nothing was recognised of is said again at most twice

    /** What one caller line was, as spoken, and what the recogniser made of it. */
    record Heard(String line, String spoken, String recognised) {}

    /** The shared voice stack: VAD, recogniser, agent voice, caller voice, greeting cache. */
    record Stack(Vad vad, SpeechToText stt, TextToSpeech agentVoice, TextToSpeech callerVoice, GreetingCache greetings,
                 com.typesafe.config.Config voice, com.typesafe.config.Config settings) {}

    private final VoiceCall call;
    private final List<short[]> audio = new ArrayList<>();
    private final List<String> lines;
    private final double speed;
    private final ToolRecorder tools;
    private final AtomicInteger listened = new AtomicInteger();
    private final StringBuilder agentText = new StringBuilder();
    private final StringBuilder recognised = new StringBuilder();
    private final List<ExpectedAnswer> hints = new ArrayList<>();
    private final List<Heard> heard = new ArrayList<>();
    private final List<TurnLatency> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> heardGaps = new ArrayList<>();
    private long lastWordMillis = -1;   // when the caller's last voiced sample of the current line played
    private long firstAgentAudioMillis = -1;
    private final short[] silence = new short[FRAME];
    private final short[] buf = new short[FRAME];
    private volatile long frame;
    private long t0;
    private int next;
    private int quiet;
    private int repeats;

    VoiceScenarioCall(Stack stack, CallState state, BackendClient backend, dev.vocadent.agent.brain.Brain brain, Clock sessionClock,
                      boolean transferReaches, List<String> callerLines, double speed) throws TtsException {
        this.lines = callerLines;
        this.speed = speed;
        for (String line : callerLines) {
            AudioFrame a = stack.callerVoice().synthesize(SpokenForm.of(line), null, RATE, 30_000);
            audio.add(Arrays.copyOf(a.samples(), a.length()));
        }
        CallSession[] session = new CallSession[1];
        this.tools = new ToolRecorder(() -> session[0].state());
        CallSession.Builder builder = CallSession.builder(state).settings(stack.settings()).backend(backend).brain(brain)
                .clock(sessionClock).callControl(new CallControl() {
                    @Override
                    public void hangUp(String reason) {
                        // the simulated line ends when the scenario is over
                    }

                    @Override
                    public CompletableFuture<Boolean> transfer(String number) {
                        return CompletableFuture.completedFuture(transferReaches);
                    }
                })
                .listener(tools)
                .listener(new SessionListener() {
                    @Override
                    public void agentText(String delta) {
                        synchronized (agentText) {
                            agentText.append(delta);
                        }
                    }

                    @Override
                    public void listening() {
                        listened.incrementAndGet();
                    }
                });
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        InstantSource simulated = () -> start.plusMillis(frame * 20);
        this.call = VoiceCall.builder(builder).settings(stack.voice()).vad(stack.vad()).stt(stack.stt())
                .tts(stack.agentVoice()).greetings(stack.greetings()).inputRate(RATE).outputRate(RATE)
                .output(this::agentFrame).clock(simulated).onTurnLatency(latencies::add)
                .onCallerTurn(text -> {
                    synchronized (recognised) {
                        recognised.append(recognised.isEmpty() ? "" : " ").append(text);
                    }
                }).build();
        session[0] = call.session();
    }

    @Override
    public String greet() {
        t0 = System.nanoTime();
        int before = listened.get(); // the session may finish its greeting turn inside start()
        call.start();
        runTurn(null, () -> { }, before);
        return takeAgentText();
    }

    @Override
    public String say(String callerText) {
        if (next >= lines.size() || !lines.get(next).equals(callerText)) {
            throw new IllegalStateException("caller line out of order: " + callerText);
        }
        short[] speech = audio.get(next++);
        String spoken = SpokenForm.of(callerText);
        runTurn(speech, () -> heard.add(new Heard(callerText, spoken, takeRecognised())), listened.get());
        heard.add(new Heard(callerText, spoken, takeRecognised()));
        return takeAgentText();
    }

    private String takeRecognised() {
        synchronized (recognised) {
            String got = recognised.toString();
            recognised.setLength(0);
            return got;
        }
    }

    /**
     * Speaks {@code speech} (null: nothing) and runs the call until the agent has answered and gone quiet.
     * When nothing was recognised and the agent prompts anyway ("Are you still there?"), the caller says
     * the line again, as a person would (at most {@value #MAX_REPEATS} times; {@code repeating} runs first).
     */
    private void runTurn(short[] speech, Runnable repeating, int used) {
        int pos = 0;
        int repeats = 0;
        lastWordMillis = -1;
        firstAgentAudioMillis = -1;
        boolean agentSpokeAfter = false;
        long limit = frame + TURN_LIMIT_FRAMES + (speech == null ? 0 : speech.length / FRAME);
        quiet = 0;
        while (frame < limit) {
            short[] out = silence;
            if (speech != null && pos < speech.length) {
                int n = Math.min(FRAME, speech.length - pos);
                System.arraycopy(speech, pos, buf, 0, n);
                Arrays.fill(buf, n, FRAME, (short) 0);
                pos += n;
                out = buf;
            }
            call.callerAudio(out, 0, FRAME);
            call.pacer().tick();
            frame++;
            boolean talking = call.isAgentSpeaking();
            boolean spoken = speech == null || pos >= speech.length;
            if (speech != null && pos >= speech.length && lastWordMillis < 0) {
                lastWordMillis = (frame - (pos + FRAME - 1) / FRAME) * 20 + voicedEnd(speech) * 1000L / RATE;
            }
            boolean answered = spoken && listened.get() > used && !talking;
            agentSpokeAfter |= spoken && talking;
            quiet = (answered || agentSpokeAfter) && !talking ? quiet + 1 : 0;
            if (answered && quiet >= GAP_FRAMES || spoken && call.session().isEnded() && !talking) {
                break;
            }
            if (speech != null && agentSpokeAfter && !answered && quiet >= GAP_FRAMES && nothingRecognised()
                    && repeats < MAX_REPEATS) {
                repeating.run();
                lastWordMillis = -1;
                firstAgentAudioMillis = -1;
                repeats++;
                this.repeats++;
                pos = 0;
                agentSpokeAfter = false;
                quiet = 0;
                limit = frame + TURN_LIMIT_FRAMES + speech.length / FRAME;
            }
            pace();
        }
        if (speech != null && repeats == 0 && listened.get() > used && lastWordMillis >= 0 && firstAgentAudioMillis >= 0) {
            heardGaps.add(firstAgentAudioMillis - lastWordMillis);
        }
        hints.add(call.session().expectedAnswer());
    }

    /** A paced agent frame (on this thread, inside the pacer tick of frame {@code frame}). */
    private void agentFrame(AudioFrame f) {
        if (firstAgentAudioMillis >= 0 || lastWordMillis < 0) {
            return;
        }
        short[] pcm = f.samples();
        for (int i = 0; i < f.length(); i++) {
            if (pcm[i] != 0) {
                firstAgentAudioMillis = frame * 20;
                return;
            }
        }
    }

    /** Samples up to and including the last one above a speech level (espeak-ng ends with silence). */
    static int voicedEnd(short[] pcm) {
        for (int i = pcm.length - 1; i >= 0; i--) {
            if (Math.abs(pcm[i]) > 300) {
                return i + 1;
            }
        }
        return 0;
    }

    private boolean nothingRecognised() {
        synchronized (recognised) {
            return recognised.isEmpty();
        }
    }

    private void pace() {
        long due = t0 + (long) (frame * 20_000_000L / speed);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private String takeAgentText() {
        synchronized (agentText) {
            String s = agentText.toString();
            agentText.setLength(0);
            return s;
        }
    }

    /** Each spoken caller line and what the recogniser heard of it. */
    List<Heard> heard() {
        return List.copyOf(heard);
    }

    /**
     * For each caller turn answered without a repeat: the caller's last voiced sample → the first
     * non-silent agent frame out, in ms of the call's clock (what the caller hears as the gap).
     */
    List<Long> heardGaps() {
        return List.copyOf(heardGaps);
    }

    /** How many times the caller said a line again because nothing of it was recognised. */
    int repeats() {
        return repeats;
    }

    /** Each completed turn's latency (simulated clock: meaningful at speed 1). */
    List<TurnLatency> latencies() {
        return List.copyOf(latencies);
    }

    @Override
    public CallState state() {
        return call.session().state();
    }

    @Override
    public List<ToolCall> toolCalls() {
        return tools.toolCalls();
    }

    @Override
    public List<ExpectedAnswer> hints() {
        return List.copyOf(hints);
    }

    @Override
    public List<Booking> bookings() {
        return tools.bookings();
    }

    @Override
    public List<OtherRequest> requests() {
        return tools.requests();
    }

    @Override
    public boolean ended() {
        return call.session().isEnded();
    }

    /** Hangs up if the scenario left the call open, waits for the session to end, and releases the call. */
    @Override
    public void close() {
        try {
            if (!call.session().isEnded()) {
                call.callerHungUp();
            }
            call.session().ended().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            call.close();
        }
    }
}
