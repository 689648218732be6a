package dev.vocadent.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person says a written caller line out loud, for a synthetic caller voice: phone numbers digit by
 * digit in their groups ("07700 900123" → "oh double seven double oh nine double oh one two three"),
 * dates as day, month and year ("29/03/1943" → "twenty ninth of march nineteen forty three"), ordinals,
 * clock times, e-mail addresses ("at", "dot"), amounts of money, and any other number as words.
 */
final class SpokenForm {
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] ORDINAL_ONES = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth"};
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
    private static final String MONTH = "(?i:january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern SLASH_DATE = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b");
    private static final Pattern SPACED_DATE = Pattern.compile("\\b(0?[1-9]|[12]\\d|3[01]) (0?[1-9]|1[0-2]) ((?:19|20)\\d{2})\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])(\\+?\\d[\\d ]{5,}\\d)(?![\\w])");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?( of)? (" + MONTH + ")");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTH + ") (\\d{1,2})(?:st|nd|rd|th)?\\b(?! ?\\d)");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,3})(?:st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2}):(\\d{2}) ?([ap])?\\.?(m)?\\.?(?=\\W|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AM_PM = Pattern.compile("\\b(\\d{1,2}) ?([ap])\\.?m\\b\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONEY = Pattern.compile("£(\\d+)(?:\\.(\\d{2}))?");
    private static final Pattern YEAR = Pattern.compile("\\b(1[1-9]\\d{2}|20\\d{2})\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private SpokenForm() {}

    /** The words a caller says for a written line. */
    static String of(String line) {
        String s = line;
        s = replace(EMAIL, s, m -> email(m.group()));
        s = replace(SLASH_DATE, s, m -> date(m.group(1), m.group(2), m.group(3), m.group()));
        s = replace(SPACED_DATE, s, m -> date(m.group(1), m.group(2), m.group(3), m.group()));
        s = replace(PHONE, s, m -> phone(m.group(1)));
        s = replace(DAY_MONTH, s, m -> ordinal(Integer.parseInt(m.group(1))) + " of " + m.group(3));
        s = replace(MONTH_DAY, s, m -> m.group(1) + " " + ordinal(Integer.parseInt(m.group(2))));
        s = replace(ORDINAL, s, m -> ordinal(Integer.parseInt(m.group(1))));
        s = replace(CLOCK, s, m -> clock(m));
        s = replace(AM_PM, s, m -> cardinal(Integer.parseInt(m.group(1))) + " " + m.group(2).toLowerCase(Locale.ROOT) + " m");
        s = replace(MONEY, s, m -> cardinal(Integer.parseInt(m.group(1))) + " pounds"
                + (m.group(2) == null ? "" : " " + cardinal(Integer.parseInt(m.group(2)))));
        s = replace(YEAR, s, m -> year(Integer.parseInt(m.group(1))));
        s = replace(NUMBER, s, m -> m.group().length() > 4 ? digits(m.group()) : cardinal(Integer.parseInt(m.group())));
        s = s.replace("%", " percent").replace("&", " and ");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** True when the spoken form is only words a voice can say (nothing but letters and light punctuation left). */
    static boolean speakable(String spoken) {
        return !spoken.isBlank() && spoken.matches("[\\p{L} ,.'?!;:\\-]+");
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String email(String address) {
        String spoken = address.replace("@", " at ").replace(".", " dot ").replace("_", " underscore ").replace("-", " dash ")
                .replace("+", " plus ");
        return replace(NUMBER, spoken, m -> digits(m.group()));
    }

    private static String date(String day, String month, String year, String written) {
        int d = Integer.parseInt(day);
        int mo = Integer.parseInt(month);
        if (d < 1 || d > 31 || mo < 1 || mo > 12) {
            return digits(written.replaceAll("\\D", ""));
        }
        int y = Integer.parseInt(year);
        String spokenYear = year.length() == 2 ? (y < 10 ? "oh " + ONES[y] : cardinal(y)) : year(y);
        return ordinal(d) + " of " + MONTHS[mo - 1] + " " + spokenYear;
    }

    private static String phone(String written) {
        List<String> words = new ArrayList<>();
        String w = written.strip();
        if (w.startsWith("+")) {
            words.add("plus");
            w = w.substring(1);
        }
        for (String group : w.split(" +")) {
            words.add(digits(group));
        }
        return String.join(" ", words);
    }

    /** A digit string as said in a phone number: "oh" for zero, "double" for a pair. */
    static String digits(String group) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < group.length()) {
            char c = group.charAt(i);
            int run = 1;
            while (i + run < group.length() && group.charAt(i + run) == c) {
                run++;
            }
            String word = c == '0' ? "oh" : ONES[c - '0'];
            if (run == 2) {
                words.add("double " + word);
            } else {
                for (int k = 0; k < run; k++) {
                    words.add(word);
                }
            }
            i += run;
        }
        return String.join(" ", words);
    }

    private static String clock(Matcher m) {
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        String suffix = m.group(3) == null ? "" : " " + m.group(3).toLowerCase(Locale.ROOT) + " m";
        String minutes = min == 0 ? (suffix.isEmpty() ? " o'clock" : "") : min < 10 ? " oh " + ONES[min] : " " + cardinal(min);
        return cardinal(h) + minutes + suffix;
    }

    static String year(int y) {
        if (y >= 2000 && y < 2010) {
            return y == 2000 ? "two thousand" : "two thousand and " + ONES[y - 2000];
        }
        int hi = y / 100;
        int lo = y % 100;
        if (lo == 0) {
            return cardinal(hi) + " hundred";
        }
        return cardinal(hi) + " " + (lo < 10 ? "oh " + ONES[lo] : cardinal(lo));
    }

    static String cardinal(int n) {
        if (n < 20) {
            return ONES[n];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
        }
        if (n < 1000) {
            return ONES[n / 100] + " hundred" + (n % 100 == 0 ? "" : " and " + cardinal(n % 100));
        }
        return cardinal(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : (n % 1000 < 100 ? " and " : " ") + cardinal(n % 1000));
    }

    static String ordinal(int n) {
        if (n < 20) {
            return ORDINAL_ONES[n];
        }
        if (n < 100) {
            if (n % 10 == 0) {
                return TENS[n / 10].substring(0, TENS[n / 10].length() - 1) + "ieth";
            }
            return TENS[n / 10] + " " + ORDINAL_ONES[n % 10];
        }
        String c = cardinal(n);
        return c.endsWith("hundred") || c.endsWith("thousand") ? c + "th" : cardinal(n - n % 100) + " and " + ordinal(n % 100);
    }
}
