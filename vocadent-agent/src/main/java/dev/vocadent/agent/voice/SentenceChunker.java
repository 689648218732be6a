package dev.vocadent.agent.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts streamed LLM text into sentences for TTS. A sentence ends at {@code . ! ?} (optionally followed
 * by closing quotes/brackets) when whitespace follows, or at a line break. Not a sentence end: a dot
 * after a known abbreviation ("Dr.", "St.", "Mrs.", "e.g."), after a single initial ("J."), or inside a
 * number ("£27.40", "2.5"); colons never end sentences ("2:30"). A boundary is only decided once the
 * next character has arrived, so text that stops on a dot waits for more or for {@link #flush()}.
 */
public final class SentenceChunker {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "mr", "mrs", "ms", "mx", "st", "prof", "rev", "sr", "jr", "no", "nos", "vs", "etc", "approx",
            "dept", "tel", "ave", "rd", "e.g", "i.e", "a.m", "p.m", "mon", "tue", "tues", "wed", "thu", "thur",
            "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "ltd", "co", "inc", "min", "mins", "hr", "hrs");

    private final StringBuilder pending = new StringBuilder();
    private final int minChars;

    /** @param minChars sentences shorter than this are joined to the next ("Yes." + "I can do that.") */
    public SentenceChunker(int minChars) {
        this.minChars = minChars;
    }

    public SentenceChunker() {
        this(0);
    }

    /** Adds a text delta; returns the sentences it completed (possibly none). */
    public List<String> push(String delta) {
        pending.append(delta);
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < pending.length()) {
            char c = pending.charAt(i);
            int end = -1;
            if (c == '\n') {
                end = i;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i + 1;
                while (j < pending.length() && isCloser(pending.charAt(j))) {
                    j++;
                }
                if (j >= pending.length()) {
                    break; // undecided until the next character arrives
                }
                if (Character.isWhitespace(pending.charAt(j)) && (c != '.' || endsSentence(start, i))) {
                    end = j - 1;
                }
                i = j - 1;
            }
            if (end >= 0) {
                String s = pending.substring(start, end + 1).strip();
                if (s.length() >= Math.max(1, minChars)) {
                    out.add(s);
                    start = end + 1;
                } else if (s.isEmpty()) {
                    start = end + 1;
                }
            }
            i++;
        }
        pending.delete(0, start);
        return out;
    }

    /** The rest of the turn, if any text is pending (call when the brain's turn ends). */
    public List<String> flush() {
        String s = pending.toString().strip();
        pending.setLength(0);
        return s.isEmpty() ? List.of() : List.of(s);
    }

    /** Drops pending text (barge-in). */
    public void clear() {
        pending.setLength(0);
    }

    private boolean endsSentence(int sentenceStart, int dot) {
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(pending.charAt(w - 1)) && pending.charAt(w - 1) != '(') {
            w--;
        }
        String word = pending.substring(w, dot).toLowerCase(Locale.ROOT);
        while (!word.isEmpty() && !Character.isLetterOrDigit(word.charAt(0))) {
            word = word.substring(1);
        }
        if (word.isEmpty()) {
            return true;
        }
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        // single initial ("J. Smith"), but not the pronoun "I."
        return !(word.length() == 1 && Character.isLetter(word.charAt(0)) && !word.equals("i")
                && Character.isUpperCase(pending.charAt(dot - 1)));
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '.' || c == '!' || c == '?';
    }
}
