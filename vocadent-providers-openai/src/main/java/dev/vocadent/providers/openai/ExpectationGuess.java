package dev.vocadent.providers.openai;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the caller will probably answer, read from the question that ends the agent's turn, so the
 * turn detector waits longer for digits and dates. Only the last sentence counts, and only when it is
 * a question; anything unclear is {@link ExpectedAnswer#FREE}. An either/or question, or a "which …?"
 * after a list of options, is a {@link ExpectedAnswer.Kind#CHOICE} carrying the options as phrases.
 */
final class ExpectationGuess {
    private static final Pattern DOB = Pattern.compile("date of birth|birthday|when were you born|born on");
    private static final Pattern PHONE = Pattern.compile("(phone|mobile|contact|telephone) number|number (to|we can) (reach|call)");
    private static final Pattern SPELL = Pattern.compile("\\bspell\\b");
    private static final Pattern NAME = Pattern.compile("your (full )?name|(patient|child)'?s name|who am i speaking");
    private static final Pattern DATE = Pattern.compile("(which|what) (date|day)\\b");
    private static final Pattern YES_NO = Pattern.compile(
            "^(is|are|do|does|did|would|could|can|shall|should|will|have|has|was|were|may)\\b");
    private static final Pattern WHICH = Pattern.compile("^which\\b");
    private static final Pattern OPTIONS = Pattern.compile(",\\s*(?:or\\s+)?|\\s+or\\s+");
    private static final Pattern LEAD = Pattern.compile(
            "^(?:(?:would|do|shall|could|can|will) you (?:prefer|like|want)(?: to)?|i have|i've got|there's|there are|we have)\\s+");

    private ExpectationGuess() {}

    static ExpectedAnswer from(String spoken) {
        String text = spoken == null ? "" : spoken.strip();
        if (!text.endsWith("?")) {
            return ExpectedAnswer.FREE;
        }
        String q = lastSentence(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        if (SPELL.matcher(q).find()) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.SPELLING);
        }
        if (DOB.matcher(q).find()) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.DATE_OF_BIRTH);
        }
        if (PHONE.matcher(q).find()) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER);
        }
        if (NAME.matcher(q).find()) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.NAME);
        }
        if (DATE.matcher(q).find()) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.DATE);
        }
        if (q.contains(" or ")) {
            return new ExpectedAnswer(ExpectedAnswer.Kind.CHOICE, options(q));
        }
        if (YES_NO.matcher(q).find()) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO);
        }
        if (WHICH.matcher(q).find()) {
            String before = previousSentence(text).toLowerCase(Locale.ROOT).replace('’', '\'');
            return new ExpectedAnswer(ExpectedAnswer.Kind.CHOICE, before.contains(" or ") ? options(before) : List.of());
        }
        return ExpectedAnswer.FREE;
    }

    /** "would you prefer morning or afternoon" → [morning, afternoon]. */
    private static List<String> options(String sentence) {
        List<String> out = new ArrayList<>();
        for (String part : OPTIONS.split(sentence)) {
            String p = LEAD.matcher(part.strip()).replaceFirst("").strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The sentence before the final question, without its end mark; empty when there is none. */
    private static String previousSentence(String text) {
        String body = text.substring(0, text.length() - 1);
        int cut = Math.max(body.lastIndexOf(". "), Math.max(body.lastIndexOf("! "), body.lastIndexOf("? ")));
        if (cut < 0) {
            return "";
        }
        String head = body.substring(0, cut);
        int start = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        return (start < 0 ? head : head.substring(start + 2)).strip();
    }

    /** The text after the last sentence end before the final question mark. */
    private static String lastSentence(String text) {
        String body = text.substring(0, text.length() - 1);
        int cut = Math.max(body.lastIndexOf(". "), Math.max(body.lastIndexOf("! "), body.lastIndexOf("? ")));
        return (cut < 0 ? body : body.substring(cut + 2)).strip();
    }
}
