package dev.vocadent.agent.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * What part of the agent's turn the caller actually heard. The session records each sentence sent to
 * TTS, the audio samples that came back for it, and where it ended; after barge-in,
 * {@link #heard(long)} maps the pacer's played-sample count back to text: whole sentences played, plus
 * the words of the interrupted sentence in proportion to its audio played (cut at a word boundary).
 * Not thread-safe: used from the session's thread.
 */
public final class PlayoutTracker {
    private static final double DEFAULT_SAMPLES_PER_CHAR_PER_HZ = 0.065; // ~65 ms a character

    private final int sampleRate;
    private final List<Segment> segments = new ArrayList<>();
    private int current; // first segment still receiving audio

    private static final class Segment {
        final String text;
        long samples;
        boolean complete;

        Segment(String text) {
            this.text = text;
        }
    }

    public PlayoutTracker(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** A sentence was sent to TTS (in speaking order). */
    public void sentence(String text) {
        segments.add(new Segment(text));
    }

    /** {@code n} samples of TTS audio arrived (they belong to the oldest unfinished sentence). */
    public void audio(int n) {
        if (current < segments.size()) {
            segments.get(current).samples += n;
        }
    }

    /** The oldest unfinished sentence has all its audio. */
    public void sentenceDone() {
        if (current < segments.size()) {
            segments.get(current).complete = true;
            current++;
        }
    }

    /** Everything the agent meant to say this turn. */
    public String fullText() {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            b.append(b.isEmpty() ? "" : " ").append(s.text);
        }
        return b.toString();
    }

    /** The text heard once {@code playedSamples} of this turn's audio had gone out. */
    public String heard(long playedSamples) {
        StringBuilder b = new StringBuilder();
        long left = playedSamples;
        for (Segment s : segments) {
            long length = s.complete ? s.samples : Math.max(s.samples, estimate(s.text));
            if (left >= length && s.complete) {
                b.append(b.isEmpty() ? "" : " ").append(s.text);
                left -= length;
                continue;
            }
            if (left > 0 && length > 0) {
                String[] words = s.text.split("\\s+");
                int keep = (int) Math.floor(words.length * Math.min(1.0, (double) left / length));
                if (keep > 0) {
                    b.append(b.isEmpty() ? "" : " ").append(String.join(" ", java.util.Arrays.copyOf(words, keep)));
                }
            }
            break;
        }
        return b.toString();
    }

    private long estimate(String text) {
        return (long) (text.length() * DEFAULT_SAMPLES_PER_CHAR_PER_HZ * sampleRate);
    }

    /** Starts a new agent turn. */
    public void reset() {
        segments.clear();
        current = 0;
    }
}
