package dev.vocadent.providers.local.stt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pronunciations: the CMU dictionary shipped with pocketsphinx-en-us plus words it lacks that callers
 * of a UK dental practice say (okafor, nhs, toothache…); "dr" is read as "doctor", not "drive".
 * Also turns free text (clinic vocabulary, expected phrases) into dictionary words.
 */
final class Lexicon {
    static final Map<String, String> EXTRAS = Map.ofEntries(
            Map.entry("okafor", "OW K AA F ER"),
            Map.entry("nhs", "EH N EY CH EH S"),
            Map.entry("toothache", "T UW TH EY K"),
            Map.entry("westbury", "W EH S T B ER IY"),
            Map.entry("hygienist", "HH AY JH IY N IH S T"),
            Map.entry("dr", "D AA K T ER"));
    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private final Map<String, String> words;

    private Lexicon(Map<String, String> words) {
        this.words = words;
    }

    /** Loads a pocketsphinx dictionary file (word, then phones; alternates "word(2)" are skipped). */
    static Lexicon load(Path dict) {
        Map<String, String> m = new HashMap<>(200_000);
        try (BufferedReader r = Files.newBufferedReader(dict, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                int sp = line.indexOf(' ');
                if (sp > 0 && line.charAt(sp - 1) != ')') {
                    m.putIfAbsent(line.substring(0, sp), line.substring(sp + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + dict + " (apt-get install pocketsphinx-en-us)", e);
        }
        m.putAll(EXTRAS);
        return new Lexicon(m);
    }

    String phones(String word) {
        return words.get(word);
    }

    boolean knows(String word) {
        return words.containsKey(word);
    }

    /**
     * Lower-case dictionary words of {@code text}: digits spelled out, "dr." → doctor, "&" → and,
     * punctuation dropped; words the dictionary lacks are left out.
     */
    List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String t = text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\bdr\\.?(?=\\s|$)", "doctor");
        for (String raw : t.split("[^a-z0-9'\\-]+")) {
            String w = raw.replaceAll("^[-']+|[-']+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (w.chars().allMatch(Character::isDigit)) {
                for (char c : w.toCharArray()) {
                    out.add(DIGITS[c - '0']);
                }
            } else if (knows(w)) {
                out.add(w);
            } else if (w.contains("-")) {
                for (String part : w.split("-")) {
                    if (knows(part)) {
                        out.add(part);
                    }
                }
            }
        }
        return out;
    }
}
