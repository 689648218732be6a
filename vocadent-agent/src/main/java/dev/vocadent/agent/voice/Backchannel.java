package dev.vocadent.agent.voice;

import java.util.Locale;
import java.util.Set;

/** Short acknowledgements ("mm-hmm", "yeah", "ok") that show the caller is listening, not taking the turn. */
public final class Backchannel {
    private static final Set<String> WORDS = Set.of("mm", "mmm", "hmm", "mhm", "mm-hmm", "mmhmm", "uh-huh", "uhuh", "uh",
            "huh", "ah", "aha", "oh", "yeah", "yep", "yes", "ok", "okay", "right", "sure", "alright", "cool", "fine",
            "great", "lovely", "perfect");
    private static final Set<String> PHRASES = Set.of("i see", "got it", "go on", "oh right", "oh ok", "oh okay");

    private Backchannel() {}

    /** True if {@code text} is nothing but acknowledgements (empty text is not a backchannel). */
    public static boolean is(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z\\- ]", " ").strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return false;
        }
        String[] words = t.split(" ");
        if (words.length > 4) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean pairOk = i + 1 < words.length && PHRASES.contains(w + " " + words[i + 1]);
            if (pairOk) {
                i++;
                continue;
            }
            if (!WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
