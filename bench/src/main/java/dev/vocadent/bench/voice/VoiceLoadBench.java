package dev.vocadent.bench.voice;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.audio.PacerClock;
import dev.vocadent.agent.voice.AgentPlayout;
import dev.vocadent.agent.voice.BargeInDetector;
import dev.vocadent.agent.voice.EndOfTurnDetector;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.ToneTextToSpeech;
import dev.vocadent.agent.voice.TurnOptions;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * N simulated concurrent calls at 8 kHz: caller audio (espeak-ng speech and silence, looped) is pushed
 * every 20 ms into a real Silero VAD (batched across calls, own thread) and the turn-taking detectors;
 * the agent speaks through an instant fake TTS into each call's paced playout on one shared 20 ms
 * clock. Reports process CPU per call, pacing lateness (p50/p99/max), late frames and VAD keeping up.
 * Usage: VoiceLoadBench [calls] [seconds]
 */
public final class VoiceLoadBench {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        short[] caller = callerAudio();

        // control: the same clock with one idle pacer and no calls, to show the machine's own scheduling jitter
        try (PacerClock bare = new PacerClock("pacer-control")) {
            new dev.vocadent.agent.audio.AudioPacer(8000, 100, true, f -> { }).start(bare);
            Thread.sleep(Math.max(5, seconds / 2) * 1000L);
            System.out.printf("control (no calls): pacing lateness p50 %.1f ms, p99 %.1f ms, max %.1f ms; late %d of %d ticks%n",
                    bare.latenessQuantileMicros(0.5) / 1000.0, bare.latenessQuantileMicros(0.99) / 1000.0,
                    bare.latenessQuantileMicros(1.0) / 1000.0, bare.lateTicks(), bare.ticks());
        }

        PacerClock clock = new PacerClock("pacer");
        SileroVad vad = SileroVad.start(VadOptions.DEFAULTS, 256);
        TextToSpeech tts = new ToneTextToSpeech("instant", 50, -1);
        AtomicLong frames = new AtomicLong();
        AtomicLong speechEvents = new AtomicLong();
        List<Call> all = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            all.add(new Call(c, vad, clock, tts, frames, speechEvents));
        }

        // caller audio: one platform thread, 20 ms absolute schedule, like RTP receive threads would deliver
        Thread feeder = Thread.ofPlatform().name("caller-audio").daemon().start(() -> {
            long start = System.nanoTime();
            for (long k = 1; !Thread.currentThread().isInterrupted(); k++) {
                long wait = start + k * 20_000_000L - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (Call call : all) {
                    call.callerFrame(caller, k);
                }
            }
        });

        Thread.sleep(5000); // warm-up
        clock.resetStats();
        long frames0 = frames.get();
        long windows0 = vad.windows();
        long runs0 = vad.modelRuns();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long windows = vad.windows() - windows0;
        long expectedWindows = (long) calls * wall / 32_000_000L;

        System.out.printf("calls %d, %d s, %d cores, load average at start %.2f%n", calls, seconds,
                Runtime.getRuntime().availableProcessors(), load);
        System.out.printf("process CPU: %.1f%% of one core in total, %.3f%% of one core per call%n",
                100.0 * cpu / wall, 100.0 * cpu / wall / calls);
        System.out.printf("pacing lateness: p50 %.1f ms, p99 %.1f ms, max %.1f ms; late frames (≥ 20 ms) %d of %d ticks%n",
                clock.latenessQuantileMicros(0.5) / 1000.0, clock.latenessQuantileMicros(0.99) / 1000.0,
                clock.latenessQuantileMicros(1.0) / 1000.0, clock.lateTicks(), clock.ticks());
        System.out.printf("agent frames sent: %d (%.1f per call per second)%n", frames.get() - frames0,
                (frames.get() - frames0) * 1e9 / wall / calls);
        System.out.printf("VAD: %d windows of %d expected (%.1f%%), average batch %.1f calls, speech events %d%n",
                windows, expectedWindows, 100.0 * windows / expectedWindows, (double) windows / (vad.modelRuns() - runs0),
                speechEvents.get());
        feeder.interrupt();
        clock.close();
        vad.close();
        System.exit(0);
    }

    /** 8 kHz caller audio: two espeak-ng sentences with silences, about 8 s (tone bursts if espeak is absent). */
    static short[] callerAudio() {
        List<short[]> parts = new ArrayList<>();
        try {
            EspeakTts e = new EspeakTts();
            parts.add(new short[8000]);
            parts.add(e.synthesize("Hello, I'd like to book a check-up with Doctor Patel please.", null, 8000, 10_000).samples());
            parts.add(new short[16000]);
            parts.add(e.synthesize("Yes, Tuesday morning would be fine.", null, 8000, 10_000).samples());
            parts.add(new short[16000]);
        } catch (Exception ex) {
            parts.clear();
            short[] tone = new short[16000];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (6000 * Math.sin(i * 0.2) * Math.sin(i * 0.001));
            }
            parts.add(tone);
            parts.add(new short[24000]);
        }
        int n = parts.stream().mapToInt(p -> p.length).sum();
        short[] all = new short[n - n % 160];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, Math.min(p.length, all.length - at));
            at += p.length;
            if (at >= all.length) {
                break;
            }
        }
        return all;
    }

    /** One simulated call. */
    static final class Call implements Vad.Listener {
        final int id;
        final Vad.Stream vad;
        final AgentPlayout playout;
        final TextToSpeech tts;
        final EndOfTurnDetector endOfTurn;
        final BargeInDetector bargeIn;
        final AtomicLong speechEvents;
        final int offset;

        Call(int id, SileroVad v, PacerClock clock, TextToSpeech tts, AtomicLong frames, AtomicLong speechEvents) {
            this.id = id;
            this.tts = tts;
            this.speechEvents = speechEvents;
            this.offset = id * 37 * 160;
            this.vad = v.stream(8000, this);
            FrameConsumer rtp = new FrameConsumer() {
                @Override
                public void frame(AudioFrame f) {
                    frames.incrementAndGet(); // a real transport would encode G.711 and send without blocking
                }
            };
            this.playout = new AgentPlayout(8000, 2000, false, rtp);
            playout.pacer().start(clock);
            this.endOfTurn = new EndOfTurnDetector(TurnOptions.DEFAULTS, Clock.systemUTC(), t -> { });
            this.bargeIn = new BargeInDetector(TurnOptions.DEFAULTS, Clock.systemUTC(), w -> playout.interrupt());
        }

        void callerFrame(short[] audio, long k) {
            int off = (int) ((offset + k * 160) % audio.length);
            vad.push(audio, off, 160);
            endOfTurn.tick();
            bargeIn.tick();
            if ((k + id) % 400 == 0) { // every 8 s the agent says a 3 s sentence
                agentSays("Thanks, I can book that for you on Tuesday at nine thirty.");
            }
        }

        void agentSays(String text) {
            playout.startTurn();
            playout.sentence(text);
            TextToSpeech.Stream s = tts.stream(null, 8000, playout);
            s.pushText(text);
            s.endInput();
        }

        @Override
        public void speechStarted(long startMillis) {
            speechEvents.incrementAndGet();
        }

        @Override
        public void speechEnded(long startMillis, long endMillis) {
            speechEvents.incrementAndGet();
        }
    }
}
