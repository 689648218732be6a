package dev.vocadent.telephony.caller;

import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The caller's side of the media of a {@link CallerCall}: plays the caller's lines (8 kHz PCM) one
 * 20 ms frame per tick, and listens to the far end's audio energy to tell when the agent has
 * finished a turn: it spoke (at least {@link #MIN_SPEECH_FRAMES} loud frames) and has then been quiet
 * for the given time. Used from the RTP clock thread ({@code onCallerAudio}, {@code nextAgentFrame})
 * and one controlling thread.
 */
public final class CallerAudio implements MediaSession {
    /** RMS above this (of 32767) counts as speech; G.711 line silence is far below it. */
    static final double SPEECH_RMS = 300;
    static final int MIN_SPEECH_FRAMES = 10;

    private final CompletableFuture<EndReason> ended = new CompletableFuture<>();
    private short[] line;
    private int pos;
    private int loudFrames;   // far-end speech frames since our last line ended
    private int quietFrames;  // far-end quiet frames in a row
    private long framesHeard;

    /** Starts playing {@code pcm} (8 kHz mono) now; returns when it has been sent (or the call ended). */
    public void say(short[] pcm) throws InterruptedException {
        synchronized (this) {
            line = pcm;
            pos = 0;
            while (line != null && !ended.isDone()) {
                wait(100);
            }
            loudFrames = 0;
            quietFrames = 0;
        }
    }

    /**
     * Waits until the far end has spoken and then been quiet for {@code quiet}; false when the call
     * ended or {@code timeout} passed first.
     */
    public synchronized boolean awaitTurnEnd(Duration quiet, Duration timeout) throws InterruptedException {
        long quietFramesNeeded = quiet.toMillis() / 20;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(loudFrames >= MIN_SPEECH_FRAMES && quietFrames >= quietFramesNeeded)) {
            long left = deadline - System.nanoTime();
            if (ended.isDone() || left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(100, left / 1_000_000)));
        }
        return true;
    }

    /** Waits until the far end has started speaking (since our last line); false when the call ended or {@code timeout} passed. */
    public synchronized boolean awaitSpeech(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (loudFrames < MIN_SPEECH_FRAMES) {
            long left = deadline - System.nanoTime();
            if (ended.isDone() || left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(100, left / 1_000_000)));
        }
        return true;
    }

    /** Forgets the far end's last turn: the next {@link #awaitTurnEnd} waits for new speech. */
    public synchronized void nextTurn() {
        loudFrames = 0;
        quietFrames = 0;
    }

    /** Completes when the call ended. */
    public CompletableFuture<EndReason> ended() {
        return ended;
    }

    /** 20 ms frames of far-end audio received so far. */
    public synchronized long framesHeard() {
        return framesHeard;
    }

    /** The far end's audio (on the caller's side of the call, "caller audio" is what we receive). */
    @Override
    public synchronized void onCallerAudio(short[] frame) {
        long sum = 0;
        for (short s : frame) {
            sum += (long) s * s;
        }
        double rms = Math.sqrt((double) sum / frame.length);
        framesHeard++;
        if (rms >= SPEECH_RMS) {
            loudFrames++;
            quietFrames = 0;
        } else {
            quietFrames++;
        }
        notifyAll();
    }

    /** The caller's next frame: the line being said, or nothing. */
    @Override
    public synchronized boolean nextAgentFrame(short[] out) {
        if (line == null) {
            return false;
        }
        int n = Math.min(out.length, line.length - pos);
        System.arraycopy(line, pos, out, 0, n);
        java.util.Arrays.fill(out, n, out.length, (short) 0);
        pos += n;
        if (pos >= line.length) {
            line = null;
            notifyAll();
        }
        return true;
    }

    @Override
    public synchronized void onEnd(EndReason reason) {
        ended.complete(reason);
        notifyAll();
    }
}
