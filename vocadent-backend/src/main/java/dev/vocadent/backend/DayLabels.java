package dev.vocadent.backend;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** How a person says a slot's time: "Tuesday 3 March at 2:30pm", "Friday 27 November at 9am". */
final class DayLabels {
    private DayLabels() {}

    static String of(ZonedDateTime t) {
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String time = t.getMinute() == 0 ? Integer.toString(h) : h + ":" + String.format(Locale.ROOT, "%02d", t.getMinute());
        return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " " + t.getDayOfMonth() + " "
                + t.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " at " + time + (t.getHour() < 12 ? "am" : "pm");
    }
}
