package dev.vocadent.agent.voice;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.AudioPacer;
import dev.vocadent.agent.audio.FrameConsumer;
import java.util.ArrayDeque;

/**
 * One call's agent audio path after TTS: a {@link TextToSpeech.Listener} that feeds the paced output,
 * keeps what does not fit the pacer's ring in an overflow queue (topped up from the clock thread after
 * each frame, without blocking), and tracks which sentence each sample belongs to. {@link #interrupt()}
 * (barge-in) empties everything so the next frame is silent and returns the text the caller heard.
 */
public final class AgentPlayout implements TextToSpeech.Listener, FrameConsumer {
    private final FrameConsumer downstream;
    private final AudioPacer pacer;
    private final PlayoutTracker tracker;
    private final ArrayDeque<short[]> overflow = new ArrayDeque<>();
    private int overflowHead;
    private long turnStartPlayed;
    private volatile Runnable onDrained = () -> {};

    /**
     * @param sampleRate      output rate
     * @param ringMillis      pacer ring size (the rest waits in the overflow queue)
     * @param silenceWhenIdle whether the pacer sends silent frames between turns
     * @param downstream      the transport's non-blocking frame consumer
     */
    public AgentPlayout(int sampleRate, int ringMillis, boolean silenceWhenIdle, FrameConsumer downstream) {
        this.downstream = downstream;
        this.pacer = new AudioPacer(sampleRate, ringMillis, silenceWhenIdle, this);
        this.tracker = new PlayoutTracker(sampleRate);
    }

    public AudioPacer pacer() {
        return pacer;
    }

    /** Called when everything of the turn has been played (after {@link TextToSpeech.Listener#done()}). */
    public void onDrained(Runnable r) {
        onDrained = r;
    }

    /** A new agent turn begins. */
    public synchronized void startTurn() {
        tracker.reset();
        turnStartPlayed = pacer.playedSamples();
    }

    /** A sentence is being sent to TTS (call in order, before its audio can arrive). */
    public synchronized void sentence(String text) {
        tracker.sentence(text);
    }

    @Override
    public synchronized void audio(short[] pcm, int off, int len) {
        tracker.audio(len);
        if (overflow.isEmpty()) {
            int took = pacer.write(pcm, off, len);
            off += took;
            len -= took;
        }
        if (len > 0) {
            overflow.add(java.util.Arrays.copyOfRange(pcm, off, off + len));
        }
    }

    @Override
    public synchronized void textDone(String text) {
        tracker.sentenceDone();
    }

    @Override
    public synchronized void done() {
        if (overflow.isEmpty()) {
            pacer.flush();
        } else {
            overflow.add(new short[0]); // marker: flush once the overflow has drained into the ring
        }
    }

    @Override
    public void failed(TtsException error) {
        done();
    }

    /** Barge-in: drops all queued agent audio (the next frame is silent); returns the text heard. */
    public synchronized String interrupt() {
        pacer.clear();
        overflow.clear();
        overflowHead = 0;
        return tracker.heard(pacer.playedSamples() - turnStartPlayed);
    }

    /** Samples of this turn played so far. */
    public long playedThisTurn() {
        return pacer.playedSamples() - turnStartPlayed;
    }

    /** The text played so far this turn. */
    public synchronized String heardSoFar() {
        return tracker.heard(pacer.playedSamples() - turnStartPlayed);
    }

    // --- clock thread ---

    @Override
    public void frame(AudioFrame frame) {
        downstream.frame(frame);
        topUp();
    }

    @Override
    public void drained() {
        downstream.drained();
        onDrained.run();
    }

    private synchronized void topUp() {
        while (!overflow.isEmpty()) {
            short[] head = overflow.peek();
            if (head.length == 0) {
                overflow.poll();
                pacer.flush();
                continue;
            }
            int took = pacer.write(head, overflowHead, head.length - overflowHead);
            overflowHead += took;
            if (overflowHead < head.length) {
                return;
            }
            overflow.poll();
            overflowHead = 0;
        }
    }
}
