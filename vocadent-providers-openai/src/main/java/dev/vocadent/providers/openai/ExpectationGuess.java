package dev.vocadent.providers.openai;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the caller will probably answer, read from the question that ends the agent's turn, so the
 * turn detector waits longer for digits and dates. Only the last sentence counts, and only when it is
 * a question; anything unclear is {@link ExpectedAnswer#FREE}.
 */
final class ExpectationGuess {
    private static final Pattern DOB = Pattern.compile("date of birth|birthday|when were you born|born on");
    private static final Pattern PHONE = Pattern.compile("(phone|mobile|contact|telephone) number|number (to|we can) (reach|call)");
    private static final Pattern SPELL = Pattern.compile("\\bspell\\b");
    private static final Pattern NAME = Pattern.compile("your (full )?name|(patient|child)'?s name|who am i speaking");
    private static final Pattern DATE = Pattern.compile("(which|what) (date|day)\\b");
    private static final Pattern YES_NO = Pattern.compile(
            "^(is|are|do|does|did|would|could|can|shall|should|will|have|has|was|were|may)\\b");

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
        if (YES_NO.matcher(q).find() && !q.contains(" or ")) {
            return ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO);
        }
        return ExpectedAnswer.FREE;
    }

    /** The text after the last sentence end before the final question mark. */
    private static String lastSentence(String text) {
        String body = text.substring(0, text.length() - 1);
        int cut = Math.max(body.lastIndexOf(". "), Math.max(body.lastIndexOf("! "), body.lastIndexOf("? ")));
        return (cut < 0 ? body : body.substring(cut + 2)).strip();
    }
}
