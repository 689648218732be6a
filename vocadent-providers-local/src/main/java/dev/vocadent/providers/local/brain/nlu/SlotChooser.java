package dev.vocadent.providers.local.brain.nlu;

import dev.vocadent.core.api.Slot;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the offered slots the caller chose: "the first one", "the second", "the last one", "the
 * 2:30", "half two", "Tuesday's", "the one with Dr Okafor", "the morning one". Empty when no single
 * slot fits.
 */
public final class SlotChooser {
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2})(?:[: ](\\d{2}))? ?(am|pm|o'clock|oclock)?\\b");
    private static final Pattern HALF = Pattern.compile("\\bhalf (?:past )?(\\d{1,2})\\b");
    private static final Pattern QUARTER = Pattern.compile("\\bquarter (past|to) (\\d{1,2})\\b");

    private SlotChooser() {}

    public static OptionalInt choose(String t, List<Slot> offered) {
        if (offered.isEmpty()) {
            return OptionalInt.empty();
        }
        if (Text.hasAny(t, "last one", "the last", "last")) {
            return OptionalInt.of(offered.size() - 1);
        }
        String[][] ordinals = {{"1st", "first", "earliest"}, {"2nd", "second", "middle"}, {"3rd", "third"}};
        for (int i = 0; i < Math.min(3, offered.size()); i++) {
            if (Text.hasAny(t, ordinals[i]) || Text.has(t, "number " + (i + 1)) || Text.has(t, "option " + (i + 1))) {
                return OptionalInt.of(i);
            }
        }
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            hits.add(i);
        }
        hits = narrowByDay(t, offered, hits);
        hits = narrowByDoctor(t, offered, hits);
        hits = narrowByTime(t, offered, hits);
        if (Text.hasAny(t, "morning one", "the morning", "in the morning")) {
            hits = hits.stream().filter(i -> offered.get(i).start().getHour() < 12).toList();
        } else if (Text.hasAny(t, "afternoon one", "the afternoon", "in the afternoon")) {
            hits = hits.stream().filter(i -> offered.get(i).start().getHour() >= 12).toList();
        }
        if (hits.size() == 1 && hits.size() < offered.size()) {
            return OptionalInt.of(hits.getFirst());
        }
        if (offered.size() == 1 && Intents.yes(t)) {
            return OptionalInt.of(0);
        }
        return OptionalInt.empty();
    }

    private static List<Integer> narrowByDay(String t, List<Slot> offered, List<Integer> hits) {
        List<Integer> out = new ArrayList<>();
        for (int i : hits) {
            String day = offered.get(i).start().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (t.contains(day) || t.contains(day + "'s") || t.contains(day + "s")) {
                out.add(i);
            }
        }
        return out.isEmpty() ? hits : out;
    }

    private static List<Integer> narrowByDoctor(String t, List<Slot> offered, List<Integer> hits) {
        List<Integer> out = new ArrayList<>();
        for (int i : hits) {
            String name = offered.get(i).doctorName();
            if (name == null) {
                continue;
            }
            List<String> w = Text.words(Text.normalize(name).replace("doctor ", ""));
            if (Text.has(t, w.getLast()) || Text.has(t, w.getFirst())) {
                out.add(i);
            }
        }
        return out.isEmpty() ? hits : out;
    }

    private static List<Integer> narrowByTime(String t, List<Slot> offered, List<Integer> hits) {
        List<LocalTime> said = times(t);
        if (said.isEmpty()) {
            return hits;
        }
        List<Integer> out = new ArrayList<>();
        for (int i : hits) {
            LocalTime start = offered.get(i).start().toLocalTime();
            for (LocalTime s : said) {
                if (start.getMinute() == s.getMinute() && start.getHour() % 12 == s.getHour() % 12) {
                    out.add(i);
                    break;
                }
            }
        }
        return out.isEmpty() ? hits : out;
    }

    /** Clock times said ("2:30", "two thirty", "half two", "10am"); hours are 12-hour ambiguous. */
    public static List<LocalTime> times(String t) {
        List<LocalTime> out = new ArrayList<>();
        Matcher m = HALF.matcher(t);
        while (m.find()) {
            int h = Integer.parseInt(m.group(1));
            if (h >= 1 && h <= 12) {
                out.add(LocalTime.of(h % 12, 30));
            }
        }
        m = QUARTER.matcher(t);
        while (m.find()) {
            int h = Integer.parseInt(m.group(2));
            if (h >= 1 && h <= 12) {
                out.add(m.group(1).equals("past") ? LocalTime.of(h % 12, 15) : LocalTime.of((h + 11) % 12, 45));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        m = TIME.matcher(t.replaceAll("\\b(\\d{1,2})(am|pm)\\b", "$1 $2"));
        while (m.find()) {
            int h = Integer.parseInt(m.group(1));
            int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            boolean marked = m.group(2) != null || m.group(3) != null;
            if (h >= 1 && h <= 23 && min < 60 && (marked || t.matches(".*\\b(the|at) " + h + "\\b.*"))) {
                out.add(LocalTime.of(h % 12, min));
            }
        }
        return out;
    }
}
