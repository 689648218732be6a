package dev.vocadent.providers.local.brain.nlu;

import dev.vocadent.core.api.PartOfDay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appointment date wishes relative to today (the practice's local date): "tomorrow", "next Tuesday
 * afternoon", "the 3rd of March", "Friday morning", "any time next week", "as soon as possible".
 * A weekday name means its next occurrence after today. Input is {@link Text#normalize normalised} text.
 */
public final class DateParser {
    /** How far ahead "any time" looks. */
    public static final int HORIZON_DAYS = 14;
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + Months.MONTH + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + Months.MONTH + " (?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern BIRTH_YEAR = Pattern.compile("\\b(1[89]\\d\\d|20[01]\\d)\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final Pattern DAY_ONLY = Pattern.compile("\\bthe (\\d{1,2})(?:st|nd|rd|th)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(next |this |on |coming )?" + Months.DAY + "\\b");
    private static final Pattern IN_N = Pattern.compile("\\bin (\\d{1,2}|a) (day|days|week|weeks|month|months)\\b");

    private DateParser() {}

    public static Optional<DateWish> parse(String t, LocalDate today) {
        if (BIRTH_YEAR.matcher(t).find()) {
            return Optional.empty(); // a date with a past year is a date of birth, not a wish
        }
        PartOfDay part = partOfDay(t);
        LocalDate horizonEnd = today.plusDays(HORIZON_DAYS - 1);
        Matcher m;
        if (Text.has(t, "today")) {
            return wish(today, today, part, "today");
        }
        if (Text.has(t, "day after tomorrow")) {
            return wish(today.plusDays(2), today.plusDays(2), part, "the day after tomorrow");
        }
        if (Text.has(t, "tomorrow")) {
            return wish(today.plusDays(1), today.plusDays(1), part, "tomorrow");
        }
        if ((m = DAY_MONTH.matcher(t)).find()) {
            return exact(today, Integer.parseInt(m.group(1)), Months.month(m.group(2)), part);
        }
        if ((m = MONTH_DAY.matcher(t)).find()) {
            return exact(today, Integer.parseInt(m.group(2)), Months.month(m.group(1)), part);
        }
        if ((m = NUMERIC.matcher(t)).find() && m.group(3) == null) {
            return exact(today, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), part);
        }
        if (Text.hasAny(t, "week after next")) {
            LocalDate mon = nextMonday(today).plusWeeks(1);
            return wish(mon, mon.plusDays(6), part, "the week after next");
        }
        if (Text.has(t, "next week")) {
            LocalDate mon = nextMonday(today);
            return wish(mon, mon.plusDays(6), part, "next week");
        }
        if (Text.has(t, "this week")) {
            return wish(today, nextMonday(today).minusDays(1), part, "this week");
        }
        if (Text.hasAny(t, "this weekend", "the weekend", "weekend")) {
            LocalDate sat = next(today, DayOfWeek.SATURDAY, true);
            return wish(sat, sat.plusDays(1), part, "at the weekend");
        }
        if ((m = WEEKDAY.matcher(t)).find()) {
            LocalDate d = next(today, Months.day(m.group(2)), false);
            return wish(d, d, part, "on " + say(d));
        }
        if (Text.has(t, "next month")) {
            LocalDate first = today.withDayOfMonth(1).plusMonths(1);
            return wish(first, first.plusMonths(1).minusDays(1), part, "next month");
        }
        if ((m = IN_N.matcher(t)).find()) {
            int n = m.group(1).equals("a") ? 1 : Integer.parseInt(m.group(1));
            String unit = m.group(2);
            LocalDate d = unit.startsWith("day") ? today.plusDays(n)
                    : unit.startsWith("week") ? today.plusWeeks(n) : today.plusMonths(n);
            LocalDate end = unit.startsWith("day") ? d : d.plusDays(6);
            return wish(d, end, part, "in " + n + " " + unit);
        }
        if ((m = DAY_ONLY.matcher(t)).find()) {
            int day = Integer.parseInt(m.group(1));
            LocalDate base = today.getDayOfMonth() <= day ? today : today.plusMonths(1).withDayOfMonth(1);
            if (day <= base.lengthOfMonth()) {
                LocalDate d = base.withDayOfMonth(day);
                return wish(d, d, part, "on " + say(d));
            }
        }
        if (Text.hasAny(t, "as soon as possible", "asap", "earliest", "soonest", "any time", "anytime", "whenever",
                "any day", "don't mind", "dont mind", "first available", "next available", "soon as", "no preference",
                "doesn't matter", "flexible", "soon")) {
            return wish(today, horizonEnd, part, "in the next two weeks");
        }
        if (part != PartOfDay.ANY) {
            return wish(today, horizonEnd, part, "in the next two weeks");
        }
        return Optional.empty();
    }

    /** Morning / afternoon / any from words like "morning", "am", "after lunch". */
    public static PartOfDay partOfDay(String t) {
        if (Text.hasAny(t, "morning", "mornings", "before lunch", "early")) {
            return PartOfDay.MORNING;
        }
        if (Text.hasAny(t, "afternoon", "afternoons", "after lunch", "evening", "late", "after school", "after work")) {
            return PartOfDay.AFTERNOON;
        }
        return PartOfDay.ANY;
    }

    /** "Tuesday 3 March". */
    public static String say(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " " + d.getDayOfMonth() + " "
                + d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private static Optional<DateWish> exact(LocalDate today, int day, int month, PartOfDay part) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        LocalDate d;
        try {
            d = LocalDate.of(today.getYear(), month, day);
            if (d.isBefore(today)) {
                d = d.plusYears(1);
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return wish(d, d, part, "on " + say(d));
    }

    private static Optional<DateWish> wish(LocalDate from, LocalDate to, PartOfDay part, String spoken) {
        String when = part == PartOfDay.ANY ? spoken : spoken + (part == PartOfDay.MORNING ? " in the morning" : " in the afternoon");
        return Optional.of(new DateWish(from, to, part, when));
    }

    private static LocalDate nextMonday(LocalDate today) {
        return next(today, DayOfWeek.MONDAY, false);
    }

    private static LocalDate next(LocalDate today, DayOfWeek day, boolean includeToday) {
        LocalDate d = includeToday ? today : today.plusDays(1);
        while (d.getDayOfWeek() != day) {
            d = d.plusDays(1);
        }
        return d;
    }
}
