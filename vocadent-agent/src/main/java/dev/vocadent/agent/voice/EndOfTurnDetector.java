package dev.vocadent.agent.voice;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.time.InstantSource;
import java.util.Locale;

/**
 * Decides when the caller's turn is over, from VAD speech start/end and STT finals: once the caller is
 * silent and a final transcript exists, the turn ends after {@code minEndpointing} if STT also signalled
 * end of utterance, else after {@code maxEndpointing}. When the brain expects a phone number, a date of
 * birth or spelling, it waits {@code patience} instead (callers pause between digit groups), unless the
 * answer already looks complete (11+ digits; a date with a year). Call {@link #tick()} regularly (every
 * frame); time comes from the injected clock. Not thread-safe: one per call, on the session's thread.
 */
public final class EndOfTurnDetector {
    /** Receives completed turns. */
    @FunctionalInterface
    public interface Listener {
        void turnEnded(String transcript);
    }

    private final TurnOptions options;
    private final InstantSource clock;
    private final Listener listener;
    private ExpectedAnswer expected = ExpectedAnswer.FREE;
    private final StringBuilder text = new StringBuilder();
    private boolean speaking;
    private boolean vadHeard;
    private boolean sttDone;
    private long silenceSince = -1;

    public EndOfTurnDetector(TurnOptions options, InstantSource clock, Listener listener) {
        this.options = options;
        this.clock = clock;
        this.listener = listener;
    }

    /** The brain's hint for the coming answer. */
    public void expect(ExpectedAnswer answer) {
        expected = answer == null ? ExpectedAnswer.FREE : answer;
    }

    public void speechStarted() {
        speaking = true;
        vadHeard = true;
        sttDone = false;
        silenceSince = -1;
    }

    public void speechEnded() {
        speaking = false;
        silenceSince = clock.millis();
    }

    public void finalText(String t) {
        if (t != null && !t.isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append(t.strip());
        }
    }

    public void endOfUtterance() {
        sttDone = true;
        if (!vadHeard && !speaking) {
            silenceSince = clock.millis(); // no VAD in use: STT's endpointing is the silence
        }
    }

    /** The transcript gathered so far this turn. */
    public String transcript() {
        return text.toString();
    }

    /** The wait that applies now, in ms (for logs and tests). */
    public int currentDelayMillis() {
        if (expected.needsPatience() && !looksComplete(text.toString())) {
            return options.patienceMillis();
        }
        return sttDone ? options.minEndpointingMillis() : options.maxEndpointingMillis();
    }

    /** Ends the turn if its time has come; returns true if it did. */
    public boolean tick() {
        if (speaking || silenceSince < 0 || text.isEmpty()) {
            return false;
        }
        if (clock.millis() - silenceSince < currentDelayMillis()) {
            return false;
        }
        String t = text.toString();
        reset();
        listener.turnEnded(t);
        return true;
    }

    /** Forgets the current turn (e.g. the agent took the turn). */
    public void reset() {
        text.setLength(0);
        speaking = false;
        vadHeard = false;
        sttDone = false;
        silenceSince = -1;
    }

    private boolean looksComplete(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        return switch (expected.kind()) {
            case PHONE_NUMBER -> digits(s) >= 11;
            case DATE_OF_BIRTH -> s.matches(".*\\b(19|20)\\d\\d\\b.*") || s.matches(".*\\b(nineteen|two thousand)\\b.*");
            default -> false;
        };
    }

    private static int digits(String s) {
        int n = 0;
        String[] words = s.split("[^a-z0-9]+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.matches("\\d+")) {
                n += w.length();
            } else if (w.matches("zero|oh|one|two|three|four|five|six|seven|eight|nine")) {
                n++;
            } else if ((w.equals("double") || w.equals("triple")) && i + 1 < words.length) {
                n += w.equals("double") ? 1 : 2; // the next word counts once more
            }
        }
        return n;
    }
}
