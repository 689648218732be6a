package dev.vocadent.agent.call;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.testing.RecordingListener;
import dev.vocadent.agent.voice.SpeechToText;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.ToneTextToSpeech;
import dev.vocadent.agent.voice.TurnOptions;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.core.config.VoiceConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.core.testing.MutableClock;
import dev.vocadent.core.testing.RecordingCallControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A Westbury voice call on fakes: a hand-driven VAD and STT, a tone TTS, a fake clock, a hand-ticked pacer. */
final class VoiceCallHarness {
    static final TurnOptions FAST = new TurnOptions(300, 1000, 800, 200, 1000, 2000, 3000);

    final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    final FakeBackend backend = new FakeBackend(DemoClinics.westbury(), clock);
    final RecordingListener events = new RecordingListener();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ManualVad vad = new ManualVad();
    final ManualStt stt = new ManualStt();
    final RecordingTts tts = new RecordingTts(new ToneTextToSpeech("tone", 20, -1));
    final List<short[]> frames = new CopyOnWriteArrayList<>();
    final VoiceCall call;

    VoiceCallHarness(Brain brain) {
        this(brain, b -> b);
    }

    VoiceCallHarness(Brain brain, UnaryOperator<VoiceCall.Builder> more) {
        CallState state = new CallState("call-1", "room-1", DemoClinics.westbury(), "+447700900123");
        CallSession.Builder session = CallSession.builder(state).backend(backend).brain(brain).clock(clock)
                .callControl(new RecordingCallControl()).listener(events).dtmfTimeout(Duration.ofSeconds(30));
        FrameConsumer out = f -> frames.add(java.util.Arrays.copyOf(f.samples(), f.length()));
        call = more.apply(VoiceCall.builder(session).vad(vad).stt(stt).tts(tts).output(out).clock(clock)
                .turnOptions(FAST).executor(Runnable::run).meterRegistry(registry)
                .fillerDelay(Duration.ofMillis(700))).build();
    }

    /** Ticks the pacer (one 20 ms frame) and the call's timers, advancing the fake clock by 20 ms. */
    void frame() {
        clock.advance(Duration.ofMillis(20));
        call.pacer().tick();
        call.tick();
    }

    void frames(int n) {
        for (int i = 0; i < n; i++) {
            frame();
        }
    }

    /** Plays out agent audio until the agent is silent (TTS done and queue empty). */
    void playAll() throws InterruptedException {
        for (int i = 0; i < 5000; i++) {
            if (i > 2 && call.pacer().queuedSamples() == 0 && !agentBusy()) {
                return;
            }
            frame();
            Thread.sleep(1);
        }
        throw new AssertionError("agent audio never finished");
    }

    boolean agentBusy() {
        return call.isAgentSpeaking();
    }

    static int nonSilent(List<short[]> frames) {
        int n = 0;
        for (short[] f : frames) {
            for (short s : f) {
                if (s != 0) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    static void until(String what, BooleanSupplier cond) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** The caller says {@code words}: VAD start, STT final + end of utterance, VAD end. */
    void callerSays(String words) {
        vad.listener.speechStarted(0);
        frames(5);
        stt.listener.finalText(words, 0.9);
        stt.listener.endOfUtterance();
        vad.listener.speechEnded(0, 100);
    }

    /** A VAD whose events the test fires. */
    static final class ManualVad implements Vad {
        volatile Vad.Listener listener;
        final AtomicLong samples = new AtomicLong();

        @Override
        public Stream stream(int sampleRate, Listener l) {
            this.listener = l;
            return new Stream() {
                @Override
                public void push(short[] pcm, int off, int len) {
                    samples.addAndGet(len);
                }

                @Override
                public void reset() {}

                @Override
                public void close() {}
            };
        }
    }

    /** An STT whose results the test fires; counts audio and records the expected answers it is given. */
    static final class ManualStt implements SpeechToText {
        volatile Listener listener;
        final AtomicLong samples = new AtomicLong();
        final List<short[]> audio = new CopyOnWriteArrayList<>();
        final List<ExpectedAnswer> expected = new CopyOnWriteArrayList<>();
        volatile Options options;

        @Override
        public String name() {
            return "manual";
        }

        @Override
        public Stream stream(Options o, Listener l) {
            this.options = o;
            this.listener = l;
            return new Stream() {
                @Override
                public void push(short[] pcm, int off, int len) {
                    samples.addAndGet(len);
                    audio.add(java.util.Arrays.copyOfRange(pcm, off, off + len));
                }

                @Override
                public void expect(ExpectedAnswer answer) {
                    expected.add(answer);
                }

                @Override
                public void finalizeUtterance() {}

                @Override
                public void close() {}
            };
        }
    }

    /** Records every text sent to synthesis and every cancellation. */
    static final class RecordingTts implements TextToSpeech {
        final TextToSpeech inner;
        final List<String> texts = new CopyOnWriteArrayList<>();
        final AtomicLong cancels = new AtomicLong();

        RecordingTts(TextToSpeech inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Stream stream(VoiceConfig voice, int sampleRate, Listener listener) {
            Stream s = inner.stream(voice, sampleRate, listener);
            return new Stream() {
                @Override
                public void pushText(String text) {
                    texts.add(text);
                    s.pushText(text);
                }

                @Override
                public void endInput() {
                    s.endInput();
                }

                @Override
                public void cancel() {
                    cancels.incrementAndGet();
                    s.cancel();
                }
            };
        }
    }

    /** An executor that holds tasks until the test runs them. */
    static final class HeldExecutor implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable r) {
            tasks.add(r);
        }

        synchronized void runAll() {
            List<Runnable> now = new ArrayList<>(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }

    static short[] tone(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (3000 * Math.sin(i * 0.3));
        }
        return s;
    }

    static AudioFrame toneFrame(int rate) {
        return AudioFrame.of(tone(rate / 50), rate);
    }
}
