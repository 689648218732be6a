package dev.vocadent.providers.local.brain.nlu;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * UK phone numbers spoken as words or digits ("oh seven seven double oh nine double one two three
 * four five six", "07700 900123", "plus four four seven seven…"), returned as E.164 (+44…).
 */
public final class PhoneParser {
    private static final Map<String, String> DIGITS = Map.ofEntries(
            Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("zero", "0"), Map.entry("nought", "0"),
            Map.entry("nil", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("to", "2"), Map.entry("too", "2"),
            Map.entry("for", "4"), Map.entry("ate", "8"));
    private static final Map<String, Integer> TENS = Map.of("twenty", 2, "thirty", 3, "forty", 4, "fifty", 5,
            "sixty", 6, "seventy", 7, "eighty", 8, "ninety", 9);

    private PhoneParser() {}

    /** The digits said, in order ("double" and "triple" expanded); homophones count only next to digits. */
    public static String digits(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+ ]", " ");
        String[] w = s.trim().split("\\s+");
        StringBuilder b = new StringBuilder();
        int repeat = 1;
        for (int i = 0; i < w.length; i++) {
            String x = w[i];
            if (x.equals("double")) {
                repeat = 2;
                continue;
            }
            if (x.equals("triple")) {
                repeat = 3;
                continue;
            }
            if (x.equals("plus") || x.startsWith("+")) {
                b.append('+');
                x = x.startsWith("+") ? x.substring(1) : "";
            }
            String d = null;
            if (x.matches("[0-9]+")) {
                d = x;
            } else if (TENS.containsKey(x)) {
                int t = TENS.get(x);
                if (i + 1 < w.length && DIGITS.containsKey(w[i + 1]) && !"0".equals(DIGITS.get(w[i + 1]))) {
                    d = t + DIGITS.get(w[++i]);
                } else {
                    d = t + "0";
                }
            } else if (DIGITS.containsKey(x)) {
                boolean homophone = x.equals("to") || x.equals("too") || x.equals("for") || x.equals("ate") || x.equals("o");
                if (!homophone || (!b.isEmpty() && (i + 1 < w.length && isDigitWord(w[i + 1])))) {
                    d = DIGITS.get(x);
                }
            }
            if (d != null) {
                b.append(d.length() == 1 ? d.repeat(repeat) : d);
            }
            repeat = 1;
        }
        return b.toString();
    }

    /** A complete UK number as E.164, or empty when the digits are not one. */
    public static Optional<String> parse(String raw) {
        String d = digits(raw);
        if (d.startsWith("+44")) {
            d = d.substring(3);
            if (d.startsWith("0")) {
                d = d.substring(1);
            }
            return d.length() == 10 ? Optional.of("+44" + d) : Optional.empty();
        }
        if (d.startsWith("44") && d.length() == 12) {
            return Optional.of("+" + d);
        }
        if (d.startsWith("0") && d.length() == 11) {
            return Optional.of("+44" + d.substring(1));
        }
        if (d.length() > 11 && d.charAt(d.length() - 11) == '0' && d.charAt(d.length() - 10) != '0') {
            return Optional.of("+44" + d.substring(d.length() - 10)); // the caller started again: the last full number counts
        }
        return Optional.empty();
    }

    private static boolean isDigitWord(String w) {
        return w.matches("[0-9]+") || DIGITS.containsKey(w) || w.equals("double") || w.equals("triple") || TENS.containsKey(w);
    }
}
