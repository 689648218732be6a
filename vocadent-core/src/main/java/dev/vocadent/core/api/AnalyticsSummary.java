package dev.vocadent.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Answer of {@code GET /analytics/summary?from=&to=} (dates inclusive, practice local days). */
public record AnalyticsSummary(
        LocalDate from,
        LocalDate to,
        long totalCalls,
        Map<String, Long> byOutcome,
        List<Day> byDay,
        double averageDurationSeconds,
        Map<String, Long> sentiment) {

    /** Calls of one day, per outcome. */
    public record Day(LocalDate date, long calls, Map<String, Long> byOutcome) {}
}
