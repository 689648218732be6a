package dev.vocadent.providers.local.brain.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises recogniser or typed text: lower case, punctuation dropped (except what dates, times and
 * numbers need), "dr" → "doctor", number words → digits ("twenty first" → "21st", "nineteen eighty" →
 * "1980", "two thirty" → "2 30").
 */
public final class Text {
    static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30));
    private static final Pattern DROP = Pattern.compile("[^a-z0-9:/+'\\- ]");

    private Text() {}

    /** Lower case, "dr" → "doctor", punctuation dropped, number words as digits, single spaces. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
        s = s.replaceAll("(?<=[a-z])\\.(?=\\s|$)", " ").replaceAll("[,.!?;\"()]", " ");
        s = s.replaceAll("\\bdr\\b", "doctor").replace("&", " and ");
        s = s.replaceAll("\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?=[a-z])", "$1 ");
        s = s.replaceAll("(?<![a-z0-9])-|-(?![a-z0-9])", " ");
        s = DROP.matcher(s).replaceAll(" ");
        return String.join(" ", numbers(words(s)));
    }

    /** Words of an already normalised text. */
    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** True if {@code text} contains {@code phrase} as whole words. */
    public static boolean has(String text, String phrase) {
        return Pattern.compile("(^|[^a-z0-9])" + Pattern.quote(phrase) + "($|[^a-z0-9])").matcher(text).find();
    }

    /** True if any of the phrases occurs as whole words. */
    public static boolean hasAny(String text, String... phrases) {
        for (String p : phrases) {
            if (has(text, p)) {
                return true;
            }
        }
        return false;
    }

    /** Rewrites runs of number words as digits. */
    static List<String> numbers(List<String> in) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            String w = in.get(i);
            Integer v = small(in, i);
            if (v == null) {
                out.add(w);
                i++;
                continue;
            }
            int used = smallLength(in, i);
            boolean ordinal = isOrdinal(in, i, used);
            int j = i + used;
            // years: "nineteen eighty (five)", "twenty twenty six", "nineteen oh five", "two thousand (and) five"
            if (!ordinal && w.equals("two") && j < in.size() && in.get(j).equals("thousand")) {
                int k = j + 1;
                if (k < in.size() && in.get(k).equals("and")) {
                    k++;
                }
                Integer rest = k < in.size() ? small(in, k) : null;
                if (rest != null && !isOrdinal(in, k, smallLength(in, k))) {
                    out.add(String.valueOf(2000 + rest));
                    i = k + smallLength(in, k);
                } else {
                    out.add("2000");
                    i = j + 1;
                }
                continue;
            }
            if (!ordinal && v >= 10 && v <= 20 && j < in.size()) {
                String next = in.get(j);
                if ((next.equals("oh") || next.equals("o")) && j + 1 < in.size() && UNITS.containsKey(in.get(j + 1))
                        && UNITS.get(in.get(j + 1)) < 10) {
                    out.add(String.valueOf(v * 100 + UNITS.get(in.get(j + 1))));
                    i = j + 2;
                    continue;
                }
                if (next.equals("hundred")) {
                    out.add(String.valueOf(v * 100));
                    i = j + 1;
                    continue;
                }
                Integer v2 = small(in, j);
                if (v2 != null && v2 >= 10 && !isOrdinal(in, j, smallLength(in, j))) {
                    out.add(String.valueOf(v * 100 + v2));
                    i = j + smallLength(in, j);
                    continue;
                }
            }
            out.add(ordinal ? v + suffix(v) : String.valueOf(v));
            i = j;
        }
        return out;
    }

    private static Integer small(List<String> in, int i) {
        String w = in.get(i);
        if (UNITS.containsKey(w)) {
            return UNITS.get(w);
        }
        if (ORDINALS.containsKey(w)) {
            return ORDINALS.get(w);
        }
        if (TENS.containsKey(w)) {
            int t = TENS.get(w);
            if (i + 1 < in.size()) {
                String n = in.get(i + 1);
                if (UNITS.containsKey(n) && UNITS.get(n) > 0 && UNITS.get(n) < 10) {
                    return t + UNITS.get(n);
                }
                if (ORDINALS.containsKey(n) && ORDINALS.get(n) < 10) {
                    return t + ORDINALS.get(n);
                }
            }
            return t;
        }
        return null;
    }

    private static int smallLength(List<String> in, int i) {
        String w = in.get(i);
        if (TENS.containsKey(w) && i + 1 < in.size()) {
            String n = in.get(i + 1);
            if ((UNITS.containsKey(n) && UNITS.get(n) > 0 && UNITS.get(n) < 10)
                    || (ORDINALS.containsKey(n) && ORDINALS.get(n) < 10)) {
                return 2;
            }
        }
        return 1;
    }

    private static boolean isOrdinal(List<String> in, int i, int used) {
        return ORDINALS.containsKey(in.get(i + used - 1));
    }

    static String suffix(int v) {
        if (v % 100 >= 11 && v % 100 <= 13) {
            return "th";
        }
        return switch (v % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** "Jon smith" → "Jon Smith". */
    public static String capitalise(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : words(name)) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            StringBuilder part = new StringBuilder();
            boolean up = true;
            for (char c : w.toCharArray()) {
                part.append(up ? Character.toUpperCase(c) : c);
                up = c == '-' || c == '\'';
            }
            b.append(part);
        }
        return b.toString();
    }
}
