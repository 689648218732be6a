package dev.vocadent.app;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a {@link CallerScript} into a {@link VoiceCall} as 8 kHz phone audio, one 20 ms frame at a time,
 * and ticks the call's pacer in the same step, so caller and agent audio line up in the mixed recording.
 * Time is simulated (frame count × 20 ms) and paced at {@code speed} × real time.
 */
final class SimulatedCaller {
    static final int RATE = 8000;
    private static final int FRAME = RATE / 50;
    private static final int GAP_FRAMES = 20;          // caller answers 400 ms after the agent stops
    private static final int BARGE_AFTER_FRAMES = 50;  // '!' lines start 1 s into the agent's audio
    private static final long MAX_FRAMES = 50L * 60 * 15; // 15 simulated minutes

    private final List<CallerScript.Line> lines;
    private final List<short[]> audio = new ArrayList<>();
    private final double speed;
    private final AtomicInteger listened = new AtomicInteger();
    private long frame;
    private final short[] agentFrame = new short[FRAME];
    private boolean agentFrameSet;
    private short[] mix = new short[RATE * 60];
    private int mixed;

    SimulatedCaller(CallerScript script, TextToSpeech callerVoice, double speed) throws TtsException {
        this.lines = script.lines();
        this.speed = speed;
        for (CallerScript.Line l : lines) {
            if (l.kind() == CallerScript.Kind.DTMF) {
                audio.add(new short[0]);
            } else {
                AudioFrame a = callerVoice.synthesize(l.text(), null, RATE, 30_000);
                audio.add(java.util.Arrays.copyOf(a.samples(), a.length()));
            }
        }
    }

    /** The simulated clock for the call. */
    InstantSource clock() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return () -> start.plusMillis(frame * 20);
    }

    /** The agent finished a turn (session listener). */
    void agentListening() {
        listened.incrementAndGet();
    }

    /** Agent frames from the call's pacer (ticked by {@link #run}). */
    void agentFrame(AudioFrame f) {
        System.arraycopy(f.samples(), 0, agentFrame, 0, Math.min(FRAME, f.length()));
        agentFrameSet = true;
    }

    /** Runs the whole call; returns the mixed audio (caller + agent) at 8 kHz. */
    AudioFrame run(VoiceCall call) throws InterruptedException {
        short[] silence = new short[FRAME];
        short[] buf = new short[FRAME];
        int next = 0;           // next script line
        int used = 0;           // agent turns answered so far
        short[] speaking = null;
        int pos = 0;
        String dtmf = null;
        int quiet = 0;
        int agentFrames = 0;
        boolean hungUp = false;
        long t0 = System.nanoTime();
        long tail = -1;
        call.start();
        while (frame < MAX_FRAMES) {
            boolean agentTalking = call.isAgentSpeaking();
            agentFrames = agentTalking ? agentFrames + 1 : 0;
            boolean agentDone = listened.get() > used && !agentTalking;
            if (speaking == null && dtmf == null && !hungUp && next < lines.size()) {
                CallerScript.Line l = lines.get(next);
                boolean go = l.kind() == CallerScript.Kind.BARGE_IN ? (agentFrames >= BARGE_AFTER_FRAMES || agentDone && quiet >= GAP_FRAMES)
                        : agentDone && quiet >= GAP_FRAMES;
                if (go) {
                    used = listened.get();
                    if (l.kind() == CallerScript.Kind.DTMF) {
                        dtmf = l.text();
                    } else {
                        speaking = audio.get(next);
                        pos = 0;
                    }
                    next++;
                }
            } else if (next >= lines.size() && speaking == null && dtmf == null && !hungUp && agentDone
                    && quiet >= 5 * GAP_FRAMES) {
                call.callerHungUp(); // script over: the caller hangs up
                hungUp = true;
            }
            quiet = agentDone ? quiet + 1 : 0;
            short[] out = silence;
            if (speaking != null) {
                int n = Math.min(FRAME, speaking.length - pos);
                System.arraycopy(speaking, pos, buf, 0, n);
                java.util.Arrays.fill(buf, n, FRAME, (short) 0);
                pos += n;
                out = buf;
                if (pos >= speaking.length) {
                    speaking = null;
                }
            } else if (dtmf != null && frame % 5 == 0) {
                call.callerDtmf(dtmf.charAt(0));
                dtmf = dtmf.length() == 1 ? null : dtmf.substring(1);
            }
            call.callerAudio(out, 0, FRAME);
            agentFrameSet = false;
            call.pacer().tick();
            append(out, agentFrameSet ? agentFrame : silence);
            frame++;
            if (call.finished().isDone() || call.session().isEnded() && !call.isAgentSpeaking()) {
                if (tail < 0) {
                    tail = frame + 25;
                } else if (frame >= tail) {
                    break;
                }
            }
            long due = t0 + (long) (frame * 20_000_000L / speed);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        if (!call.session().isEnded()) {
            call.callerHungUp();
        }
        try {
            call.session().ended().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the call did not end: " + e.getMessage(), e);
        }
        return new AudioFrame(mix, mixed, RATE);
    }

    private void append(short[] caller, short[] agent) {
        if (mixed + FRAME > mix.length) {
            mix = java.util.Arrays.copyOf(mix, mix.length * 2);
        }
        for (int i = 0; i < FRAME; i++) {
            mix[mixed++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, caller[i] + agent[i]));
        }
    }
}
