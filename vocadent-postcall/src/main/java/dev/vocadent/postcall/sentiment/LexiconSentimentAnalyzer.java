package dev.vocadent.postcall.sentiment;

import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.api.SentimentLabel;
import dev.vocadent.postcall.CallAnalysis;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.SentimentAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline sentiment classifier: a lexicon of words and phrases over what the caller said, with rules
 * for negation ("not happy" is negative, "not bad" mildly positive), intensifiers ("so", "really",
 * "absolutely"), warm thanks ("thank you so much") versus routine politeness, complaints ("on hold for
 * ages", "nobody called me back"), a "but" rule (what follows "but" counts more), and dental context:
 * pain, swelling or "terrible toothache" describe the tooth, not the call, and are ignored. Only the
 * caller's turns are read: the agent is always polite. It writes no summary (the template does).
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
    static final double POSITIVE_AT = 2.0;
    static final double NEGATIVE_AT = -1.5;
    private static final List<List<String>> PHRASES = Lexicon.PHRASES.keySet().stream()
            .map(p -> List.of(p.split(" ")))
            .sorted(Comparator.comparingInt(l -> -l.size()))
            .toList();

    @Override
    public CallAnalysis analyze(FinishedCall call) {
        return new CallAnalysis(classify(call.callerTurns()), null, name());
    }

    @Override
    public String name() {
        return "lexicon";
    }

    /** Classifies the caller's turns. */
    public Sentiment classify(List<String> callerTurns) {
        List<Cue> cues = new ArrayList<>();
        boolean symptoms = false;
        for (String turn : callerTurns) {
            List<String> tokens = tokens(turn);
            symptoms |= tokens.stream().anyMatch(Lexicon.SYMPTOMS::contains);
            score(tokens, cues);
        }
        double total = cues.stream().mapToDouble(Cue::weight).sum();
        SentimentLabel label = total >= POSITIVE_AT ? SentimentLabel.POSITIVE
                : total <= NEGATIVE_AT ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        double score = Math.round(Math.tanh(total / 3.0) * 100) / 100.0;
        return new Sentiment(label, score, reason(label, cues, symptoms));
    }

    static List<String> tokens(String text) {
        String norm = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'')
                .replaceAll("[^a-z0-9' ]+", " ");
        List<String> out = new ArrayList<>();
        for (String t : norm.trim().split("\\s+")) {
            String w = t.replaceAll("^'+|'+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static void score(List<String> tokens, List<Cue> cues) {
        int butAt = tokens.lastIndexOf("but");
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            double weight = 0;
            for (List<String> phrase : PHRASES) {
                if (matches(tokens, i, phrase)) {
                    matched = phrase.size();
                    weight = Lexicon.PHRASES.get(String.join(" ", phrase));
                    break;
                }
            }
            if (matched == 0) {
                Double w = Lexicon.WORDS.get(tokens.get(i));
                if (w != null && !(w < 0 && nearSymptom(tokens, i))) {
                    matched = 1;
                    weight = w;
                }
            }
            if (matched == 0 || weight == 0) {
                i += Math.max(1, matched);
                continue;
            }
            weight = modify(tokens, i, weight);
            if (butAt >= 0) {
                weight *= i < butAt ? 0.5 : 1.25;
            }
            cues.add(new Cue(String.join(" ", tokens.subList(Math.max(0, i - 2), Math.min(tokens.size(), i + matched))), weight));
            i += matched;
        }
    }

    private static boolean matches(List<String> tokens, int at, List<String> phrase) {
        if (at + phrase.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!tokens.get(at + k).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "terrible toothache", "the pain is awful", "annoying when I eat": a bad word near a symptom (three
     * tokens either side) is about the tooth.
     */
    private static boolean nearSymptom(List<String> tokens, int i) {
        for (int k = Math.max(0, i - 3); k <= Math.min(tokens.size() - 1, i + 3); k++) {
            if (k != i && Lexicon.SYMPTOMS.contains(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** Negators and intensifiers in the three tokens before the cue. */
    private static double modify(List<String> tokens, int i, double weight) {
        boolean negated = false;
        double factor = 1.0;
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            String t = tokens.get(k);
            if (Lexicon.NEGATORS.contains(t) || t.endsWith("n't")) {
                negated = true;
            } else if (Lexicon.INTENSIFIERS.containsKey(t)) {
                factor *= Lexicon.INTENSIFIERS.get(t);
            } else if (t.equals("but") || t.equals("and")) {
                break;
            }
        }
        weight *= factor;
        if (negated) {
            weight = weight > 0 ? -1.2 * weight : -0.3 * weight;
        }
        return weight;
    }

    private static String reason(SentimentLabel label, List<Cue> cues, boolean symptoms) {
        return switch (label) {
            case POSITIVE -> "caller sounded pleased: \"" + strongest(cues, 1) + "\"";
            case NEGATIVE -> "caller was unhappy: \"" + strongest(cues, -1) + "\"";
            case NEUTRAL -> symptoms
                    ? "caller described dental symptoms but expressed no strong feeling about the call"
                    : "no strong feeling either way";
        };
    }

    private static String strongest(List<Cue> cues, int sign) {
        return cues.stream().filter(c -> Math.signum(c.weight()) == sign)
                .max(Comparator.comparingDouble(c -> Math.abs(c.weight())))
                .map(Cue::text).orElse("");
    }

    private record Cue(String text, double weight) {}

    /** For tests: the phrase table size (guards against an empty lexicon). */
    static int phraseCount() {
        return Map.copyOf(Lexicon.PHRASES).size();
    }
}
