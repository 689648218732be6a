package dev.vocadent.providers.local.brain.nlu;

import java.time.DayOfWeek;
import java.util.Map;

/** Month and weekday words as callers say them. */
final class Months {
    static final String MONTH = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
            + "september|sept|sep|october|oct|november|nov|december|dec)";
    static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private Months() {}

    static int month(String word) {
        return NUMBERS.get(word.substring(0, 3));
    }

    static DayOfWeek day(String word) {
        return DayOfWeek.valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
}
