package dev.vocadent.providers.local.stt;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSGF grammars for the offline recogniser: the domain grammar (what callers say to a dental front
 * desk, plus the clinic's own vocabulary) and, per turn, a grammar for the answer the brain expects
 * (yes/no, a date of birth, a phone number, spelled letters, one of the offered choices) with the
 * domain phrases still allowed.
 */
final class Grammars {
    private static final String DIGIT = "zero | oh | one | two | three | four | five | six | seven | eight | nine | double";
    private static final String MONTH = "january | february | march | april | may | june | july | august | september "
            + "| october | november | december";
    private static final String DAY = "first | second | third | fourth | fifth | sixth | seventh | eighth | ninth | tenth "
            + "| eleventh | twelfth | thirteenth | fourteenth | fifteenth | sixteenth | seventeenth | eighteenth "
            + "| nineteenth | twentieth | twenty first | twenty second | twenty third | twenty fourth | twenty fifth "
            + "| twenty sixth | twenty seventh | twenty eighth | twenty ninth | thirtieth | thirty first";
    private static final String UNIT = "one | two | three | four | five | six | seven | eight | nine";
    private static final String TENS = "ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen "
            + "| eighteen | nineteen | twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety";
    private static final String LETTERS = "a | b | c | d | e | f | g | h | i | j | k | l | m | n | o | p | q | r | s | t "
            + "| u | v | w | x | y | z";

    private static final String WEEKDAY = "monday | tuesday | wednesday | thursday | friday | saturday | sunday";
    private static final String DAY_PART = "morning | afternoon | evening";

    private final Lexicon lexicon;
    private final List<String> domain;
    private final List<String> firstNames = new ArrayList<>();
    private final List<String> surnames = new ArrayList<>();

    Grammars(Lexicon lexicon) {
        this.lexicon = lexicon;
        List<String> phrases = new ArrayList<>();
        try (InputStream in = Grammars.class.getResourceAsStream("/stt/domain-phrases.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    phrases.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.domain = List.copyOf(phrases);
        try (InputStream in = Grammars.class.getResourceAsStream("/stt/names.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                List<String> into = line.startsWith("first:") ? firstNames : line.startsWith("surname:") ? surnames : null;
                if (into != null) {
                    for (String w : line.substring(line.indexOf(':') + 1).strip().split("\\s+")) {
                        if (lexicon.knows(w)) {
                            into.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dictionary-clean alternatives: each phrase as known words, empty ones dropped, duplicates removed. */
    Set<String> clean(List<String> phrases) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : phrases) {
            List<String> w = lexicon.words(p);
            if (!w.isEmpty()) {
                out.add(String.join(" ", w));
            }
        }
        return out;
    }

    /** The domain grammar with the clinic's vocabulary (doctor names, treatments). */
    String domain(List<String> keyterms) {
        return grammar("domain", List.of(), keyterms, null);
    }

    /** The grammar for one turn's expected answer. */
    String forAnswer(ExpectedAnswer answer, List<String> keyterms) {
        return grammar("turn", answer.phrases(), keyterms, answer.kind());
    }

    private String grammar(String name, List<String> expected, List<String> keyterms, ExpectedAnswer.Kind kind) {
        Set<String> phrases = clean(domain);
        Set<String> terms = clean(keyterms);
        Set<String> exp = clean(expected);
        StringBuilder g = new StringBuilder("#JSGF V1.0;\ngrammar ").append(name).append(";\n");
        // two phrases in a row: an answer with more ("a hygiene appointment" + "with doctor patel") is common
        List<String> top = new ArrayList<>(List.of("[<filler>] <phrase> [<phrase>] [<polite>]"));
        g.append("<filler> = um | uh | er | so | well | oh | the | and | yes | no | yeah;\n");
        g.append("<polite> = please | thanks | thank you;\n");
        g.append("<phrase> = ").append(alt(phrases));
        if (!terms.isEmpty()) {
            g.append(" | [with] [doctor] <term> | [a] <term> [please] | i'd like [a] <term>");
        }
        g.append(";\n");
        if (!terms.isEmpty()) {
            g.append("<term> = ").append(alt(terms)).append(";\n");
        }
        if (!exp.isEmpty()) {
            g.append("<expected> = ").append(alt(exp)).append(";\n");
            top.add(0, "[<lead>] <expected> [please]");
            g.append("<lead> = yes | yeah | no | um | the | it's | i'd like | can i have | i'll take;\n");
        }
        if (kind != null) {
            switch (kind) {
                case YES_NO -> top.add(0, "(yes | yeah | yep | no | nope | that's right | correct) [please | thanks | thank you]");
                case PHONE_NUMBER -> {
                    g.append("<digit> = ").append(DIGIT).append(";\n");
                    top.add(0, "[it's | my number is] <digit>+");
                }
                case DATE_OF_BIRTH, DATE -> {
                    g.append("<day> = ").append(DAY).append(";\n<month> = ").append(MONTH).append(";\n")
                            .append("<unit> = ").append(UNIT).append(";\n<tens> = ").append(TENS).append(";\n")
                            .append("<year> = nineteen <tens> [<unit>] | two thousand [and] [<tens>] [<unit>] ")
                            .append("| twenty <tens> [<unit>];\n");
                    top.add(0, "[it's | my date of birth is] [the] <day> [of] <month> [<year>] | [it's] <month> [the] <day> [<year>]");
                    if (kind == ExpectedAnswer.Kind.DATE) {
                        // a day for an appointment: "next tuesday afternoon", "friday morning", "tomorrow"
                        g.append("<weekday> = ").append(WEEKDAY).append(";\n<daypart> = ").append(DAY_PART).append(";\n");
                        top.add(0, "[<lead>] [on] [next | this] <weekday> [<daypart>] [please] "
                                + "| [<lead>] (tomorrow | today) [<daypart>] [please] "
                                + "| [<lead>] [in the] <daypart> [please] | [<lead>] [sometime] (next | this) week [please] "
                                + "| [<lead>] [on] [next | this] <weekday> [the] <day> [of <month>] [please]");
                        if (exp.isEmpty()) {
                            g.append("<lead> = yes | yeah | no | um | the | it's | i'd like | can i have | i'll take;\n");
                        }
                    }
                }
                case SPELLING, NAME -> {
                    if (kind == ExpectedAnswer.Kind.SPELLING || firstNames.isEmpty()) {
                        g.append("<letter> = ").append(LETTERS).append(";\n");
                        top.add(0, "[my name is | it's] <letter>+");
                    }
                    if (!firstNames.isEmpty()) {
                        // common first names and surnames. Letters only when the brain asks for spelling: at
                        // "what's your name?" a letter loop turned every name it lacked into junk letters
                        g.append("<first> = ").append(String.join(" | ", firstNames)).append(";\n");
                        g.append("<surname> = ").append(String.join(" | ", surnames)).append(";\n");
                        top.add(0, "[my name is | it's | the patient's name is] <first> [<surname>] [please]");
                    }
                    if (!terms.isEmpty()) {
                        top.add(0, "[my name is | it's] <term> [<term>]");
                    }
                }
                case CHOICE -> top.add(0, "[the] (first | second | third | fourth | last) [one] [please]");
                default -> { }
            }
        }
        g.append("public <utterance> = ").append(String.join(" | ", top)).append(";\n");
        return g.toString();
    }

    /** Every distinct word a grammar may use (for adding missing pronunciations to a decoder). */
    Set<String> words(String grammar) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : grammar.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            for (String w : line.substring(eq + 1).replaceAll("<[^>]*>", " ").split("[^a-z0-9'\\-]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static String alt(Set<String> phrases) {
        return String.join(" | ", phrases);
    }
}
