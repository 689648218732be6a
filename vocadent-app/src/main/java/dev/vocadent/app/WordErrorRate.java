package dev.vocadent.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate of a recogniser: (substitutions + deletions + insertions) / words said, by word-level
 * edit distance after light normalisation (case, punctuation, hyphens, "dr" → "doctor").
 */
final class WordErrorRate {
    private WordErrorRate() {}

    /** Lower-case words without punctuation; hyphenated words split. */
    static List<String> words(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("[^\\p{L}\\p{Nd}' ]", " ").strip();
        if (s.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(s.split("\\s+")).map(w -> w.equals("dr") ? "doctor" : w).toList();
    }

    /** The number of word edits that turn {@code reference} into {@code hypothesis}. */
    static int edits(List<String> reference, List<String> hypothesis) {
        int[] prev = new int[hypothesis.size() + 1];
        int[] cur = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int sub = prev[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[hypothesis.size()];
    }

    /** Word error rate of one utterance (0 when nothing was said and nothing heard). */
    static double of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        int e = edits(ref, words(hypothesis));
        return ref.isEmpty() ? (e == 0 ? 0 : 1) : (double) e / ref.size();
    }
}
