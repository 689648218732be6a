package dev.vocadent.providers.local.brain.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names as answers ("it's Jon Smith", "J O N Smith") and corrections of a name already taken
 * ("no, it's Jon with no h", "it's Smyth not Smith", "sorry, it's spelt S M Y T H").
 */
public final class NameParser {
    private static final Pattern PREFIX = Pattern.compile("^(?:(?:yes|yeah|ok|okay|sure|hi|hello|right|so|well|um|erm|uh|oh|no|sorry|actually)\\s+)*"
            + "(?:(?:my|his|her|their|the patient's|the patients|patient's) (?:full )?name (?:is|'s) |(?:my|his|her) name's |"
            + "it's |its |it is |i'm |im |i am |this is |call me |name's |that's |thats |it's spelt |spelt |spelled )+");
    private static final Set<String> STOP = Set.of("please", "thanks", "thank", "you", "cheers", "mate", "love", "speaking",
            "here", "the", "a", "an", "and", "with", "no", "not", "without", "spelt", "spelled", "h", "is", "it's", "its", "my",
            "name", "yes", "ok", "okay", "sorry");
    private static final Pattern WITHOUT = Pattern.compile("\\b(?:with no|without (?:an|a|the)?|no) ?([a-z])\\b(?! [a-z]\\b)");
    private static final Pattern NOT = Pattern.compile("\\b([a-z'\\-]+) not ([a-z'\\-]+)\\b");
    private static final Pattern LETTERS = Pattern.compile("\\b([a-z](?: [a-z]){1,})\\b");
    private static final Pattern CUE = Pattern.compile("^(?:no|sorry|actually|oh|nope|not quite|correction|wait)\\b.*"
            + "|.*\\b(?:with no|without (?:an|a|the)? ?[a-z]|spelt|spelled|my name is|it's [a-z]+ not)\\b.*");

    private NameParser() {}

    /** A name said as an answer to "what's your name?". */
    public static Optional<String> parse(String t) {
        if (t.isBlank() || t.matches(".*\\d.*") || Text.hasAny(t, "don't know", "dont know", "why", "rather not")) {
            return Optional.empty();
        }
        String s = PREFIX.matcher(t.trim()).replaceFirst("");
        s = joinSpelling(s);
        List<String> kept = new ArrayList<>();
        for (String w : Text.words(s)) {
            if (STOP.contains(w) || w.length() < 2 && kept.isEmpty()) {
                if (!kept.isEmpty() && (w.equals("please") || w.equals("thanks") || w.equals("thank"))) {
                    break;
                }
                continue;
            }
            kept.add(w);
            if (kept.size() == 4) {
                break;
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Text.capitalise(String.join(" ", kept)));
    }

    private static final Pattern SPONTANEOUS = Pattern.compile("\\b(?:my name is|my name's|i'm called|im called|name is) ([a-z' \\-]+)");
    private static final Set<String> BOUNDARY = Set.of("and", "i'd", "id", "i", "i'm", "im", "can", "could", "please",
            "would", "for", "calling", "from", "to", "my", "i've", "ive", "on", "at", "is", "want", "need", "looking");

    /** A name volunteered inside a longer sentence ("hi my name is Jon Smith and I'd like…"). */
    public static Optional<String> spontaneous(String t) {
        Matcher m = SPONTANEOUS.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        for (String w : Text.words(m.group(1))) {
            if (BOUNDARY.contains(w) || kept.size() == 3) {
                break;
            }
            kept.add(w);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(Text.capitalise(String.join(" ", kept)));
    }

    /** True when the text looks like a correction of something already said. */
    public static boolean looksLikeCorrection(String t) {
        return CUE.matcher(t).matches();
    }

    /** The corrected name, or empty when {@code t} is not a name correction of {@code known}. */
    public static Optional<String> correct(String known, String t) {
        if (known == null || !looksLikeCorrection(t)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(Text.words(known.toLowerCase(java.util.Locale.ROOT)));
        Matcher not = NOT.matcher(t);
        if (not.find() && indexOf(parts, not.group(2)) >= 0) {
            parts.set(indexOf(parts, not.group(2)), not.group(1));
            return Optional.of(Text.capitalise(String.join(" ", parts)));
        }
        Matcher without = WITHOUT.matcher(t);
        if (without.find()) {
            String letter = without.group(1);
            String said = parse(t.substring(0, without.start()).trim()).map(s -> s.toLowerCase(java.util.Locale.ROOT)).orElse("");
            for (int i = 0; i < parts.size(); i++) {
                String p = parts.get(i);
                if (p.contains(letter) && (said.isEmpty() || Text.words(said).contains(p.replaceFirst(letter, ""))
                        || Text.words(said).contains(p.replace(letter, "")))) {
                    parts.set(i, p.replace(letter, ""));
                    return Optional.of(Text.capitalise(String.join(" ", parts)));
                }
            }
            return Optional.empty();
        }
        if (!Text.hasAny(t, "it's", "its", "it is", "my name is", "my name's", "name is", "spelt", "spelled", "called", "that's")) {
            return Optional.empty();
        }
        Optional<String> said = parse(t);
        if (said.isEmpty()) {
            return Optional.empty();
        }
        List<String> saidWords = Text.words(said.get().toLowerCase(java.util.Locale.ROOT));
        if (saidWords.size() >= parts.size() && saidWords.size() >= 2) {
            return said;
        }
        boolean changed = false;
        for (String w : saidWords) {
            int best = -1;
            int bestDistance = 3;
            for (int i = 0; i < parts.size(); i++) {
                int d = distance(parts.get(i), w);
                if (d > 0 && d < bestDistance && parts.get(i).charAt(0) == w.charAt(0)) {
                    best = i;
                    bestDistance = d;
                }
            }
            if (best >= 0) {
                parts.set(best, w);
                changed = true;
            }
        }
        return changed ? Optional.of(Text.capitalise(String.join(" ", parts))) : Optional.empty();
    }

    /** "j o n smith" → "jon smith". */
    static String joinSpelling(String s) {
        Matcher m = LETTERS.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group(1).replace(" ", ""));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static int indexOf(List<String> parts, String w) {
        return parts.indexOf(w);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
