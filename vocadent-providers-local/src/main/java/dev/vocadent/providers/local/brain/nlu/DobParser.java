package dev.vocadent.providers.local.brain.nlu;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth in the forms callers use: "5th of May 1980", "05/05/1980", "fifth May nineteen
 * eighty", "May the 5th 1980", "1980-05-05". Day-month order is British. Input is normalised text.
 */
public final class DobParser {
    /** Day, month and year as far as they were said (null = not said). */
    public record Parts(Integer day, Integer month, Integer year) {
        public boolean complete() {
            return day != null && month != null && year != null;
        }
    }

    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.\\- ](\\d{1,2})[/.\\- ](\\d{2}|\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + Months.MONTH + "(?: (?:of )?(\\d{2}|\\d{4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + Months.MONTH + " (?:the )?(\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{2}|\\d{4}))?\\b");
    private static final Pattern ORDINALS = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? of the (\\d{1,2})(?:st|nd|rd|th)?(?: (?:of )?(\\d{2}|\\d{4}))?\\b");
    private static final Pattern DAY_ONLY = Pattern.compile("\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)\\b");

    private DobParser() {}

    /** A full, plausible date of birth (in the past, at most 120 years ago). */
    public static Optional<LocalDate> parse(String t, LocalDate today) {
        Parts p = parts(t, today);
        return p.complete() ? valid(p.day(), p.month(), p.year(), today) : Optional.empty();
    }

    /** What was said of a date, for corrections like "the 4th not the 5th" (the part after "not" is dropped). */
    public static Parts parts(String t, LocalDate today) {
        int not = t.indexOf(" not ");
        String s = not > 0 ? t.substring(0, not) : t;
        Matcher m;
        if ((m = ISO.matcher(s)).find()) {
            return new Parts(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        if ((m = NUMERIC.matcher(s)).find()) {
            return new Parts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year(m.group(3), today));
        }
        if ((m = ORDINALS.matcher(s)).find()) {
            return new Parts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year(m.group(3), today));
        }
        if ((m = DAY_MONTH.matcher(s)).find()) {
            return new Parts(Integer.parseInt(m.group(1)), Months.month(m.group(2)), year(m.group(3), today));
        }
        if ((m = MONTH_DAY.matcher(s)).find()) {
            return new Parts(Integer.parseInt(m.group(2)), Months.month(m.group(1)), year(m.group(3), today));
        }
        if ((m = DAY_ONLY.matcher(s)).find()) {
            return new Parts(Integer.parseInt(m.group(1)), null, null);
        }
        return new Parts(null, null, null);
    }

    /** Applies a partial correction to a known date of birth ("the 4th not the 5th"). */
    public static Optional<LocalDate> patch(LocalDate known, Parts p, LocalDate today) {
        if (p.day() == null && p.month() == null && p.year() == null) {
            return Optional.empty();
        }
        int d = p.day() != null ? p.day() : known.getDayOfMonth();
        int mo = p.month() != null ? p.month() : known.getMonthValue();
        int y = p.year() != null ? p.year() : known.getYear();
        return valid(d, mo, y, today);
    }

    static Optional<LocalDate> valid(int day, int month, int year, LocalDate today) {
        try {
            LocalDate d = LocalDate.of(year, month, day);
            if (d.isAfter(today) || d.isBefore(today.minusYears(120))) {
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer year(String y, LocalDate today) {
        if (y == null) {
            return null;
        }
        int v = Integer.parseInt(y);
        if (y.length() == 2) {
            int century = today.getYear() / 100 * 100;
            v = century + v > today.getYear() ? century - 100 + v : century + v;
        }
        return v;
    }
}
