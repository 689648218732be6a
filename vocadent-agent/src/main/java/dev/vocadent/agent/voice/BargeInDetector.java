package dev.vocadent.agent.voice;

import java.time.InstantSource;

/**
 * Decides when caller speech during agent audio is a real interruption. Speech must last
 * {@code minInterruption}; if the transcript so far is only acknowledgements ("mm-hmm", "yeah") it
 * does not interrupt unless it goes on past {@code backchannelMax}; with no transcript yet it needs
 * twice {@code minInterruption}. Fires once per agent turn. Call {@link #tick()} every frame.
 */
public final class BargeInDetector {
    @FunctionalInterface
    public interface Listener {
        void interrupted(String callerWords);
    }

    private final TurnOptions options;
    private final InstantSource clock;
    private final Listener listener;
    private boolean agentSpeaking;
    private long speechStart = -1;
    private String words = "";
    private boolean fired;

    public BargeInDetector(TurnOptions options, InstantSource clock, Listener listener) {
        this.options = options;
        this.clock = clock;
        this.listener = listener;
    }

    /** The agent's audio started (true) or finished playing (false). */
    public void agentSpeaking(boolean speaking) {
        agentSpeaking = speaking;
        if (speaking) {
            fired = false;
        }
    }

    public void speechStarted() {
        speechStart = clock.millis();
        words = "";
    }

    public void speechEnded() {
        speechStart = -1;
        words = "";
    }

    /** Interim or final words of the caller's current speech. */
    public void transcript(String text) {
        if (speechStart >= 0 && text != null) {
            words = text.strip();
        }
    }

    /** Interrupts if the caller has taken the floor; returns true if it fired now. */
    public boolean tick() {
        if (!agentSpeaking || fired || speechStart < 0) {
            return false;
        }
        long d = clock.millis() - speechStart;
        boolean go;
        if (words.isEmpty()) {
            go = d >= 2L * options.minInterruptionMillis();
        } else if (Backchannel.is(words)) {
            go = d >= options.backchannelMaxMillis();
        } else {
            go = d >= options.minInterruptionMillis();
        }
        if (go) {
            fired = true;
            listener.interrupted(words);
        }
        return go;
    }
}
