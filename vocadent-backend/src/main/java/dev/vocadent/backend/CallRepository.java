package dev.vocadent.backend;

import dev.vocadent.core.api.AnalyticsSummary;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Call records (idempotent by session id) and the analytics over them. */
final class CallRepository {
    private final Jdbi jdbi;

    CallRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the record once; true if it was new (a repeat with the same session id changes nothing). */
    boolean insert(String clinicId, CallRecord r, LocalDate localDay) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO calls (clinic_id, session_id, channel, outcome, sentiment, started_at, local_day, duration_seconds, record)
                        VALUES (:clinic, :session, :channel, :outcome, :sentiment, to_timestamp(:started), :day, :duration, CAST(:record AS jsonb))
                        ON CONFLICT (clinic_id, session_id) DO NOTHING""")
                .bind("clinic", clinicId).bind("session", r.sessionId()).bind("channel", r.channel())
                .bind("outcome", r.outcome().wireName())
                .bind("sentiment", r.sentiment() == null || r.sentiment().label() == null ? null : r.sentiment().label().wireName())
                .bind("started", r.startedAt().getEpochSecond() + r.startedAt().getNano() / 1e9)
                .bind("day", localDay).bind("duration", r.durationSeconds())
                .bind("record", Json.write(r))
                .execute()) == 1;
    }

    /** Deletes the clinic's call records (with their transcripts) that started before {@code before}; returns how many. */
    int deleteBefore(String clinicId, Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM calls WHERE clinic_id = :clinic AND started_at < :before")
                .bind("clinic", clinicId)
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .execute());
    }

    AnalyticsSummary summary(String clinicId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> {
            Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
            h.createQuery("""
                            SELECT local_day, outcome, count(*) AS n FROM calls
                             WHERE clinic_id = :clinic AND local_day BETWEEN :from AND :to
                             GROUP BY local_day, outcome""")
                    .bind("clinic", clinicId).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> {
                        days.computeIfAbsent(rs.getObject("local_day", LocalDate.class), d -> new TreeMap<>())
                                .put(rs.getString("outcome"), rs.getLong("n"));
                        return 0;
                    }).list();
            Map<String, Long> byOutcome = new TreeMap<>();
            List<AnalyticsSummary.Day> byDay = new ArrayList<>();
            long total = 0;
            for (var d : days.entrySet()) {
                long n = d.getValue().values().stream().mapToLong(Long::longValue).sum();
                total += n;
                d.getValue().forEach((k, v) -> byOutcome.merge(k, v, Long::sum));
                byDay.add(new AnalyticsSummary.Day(d.getKey(), n, d.getValue()));
            }
            double avg = h.createQuery("""
                            SELECT COALESCE(avg(duration_seconds), 0) FROM calls
                             WHERE clinic_id = :clinic AND local_day BETWEEN :from AND :to""")
                    .bind("clinic", clinicId).bind("from", from).bind("to", to).mapTo(Double.class).one();
            Map<String, Long> sentiment = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT COALESCE(sentiment, 'unknown') AS s, count(*) AS n FROM calls
                             WHERE clinic_id = :clinic AND local_day BETWEEN :from AND :to GROUP BY 1 ORDER BY 1""")
                    .bind("clinic", clinicId).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> sentiment.put(rs.getString("s"), rs.getLong("n"))).list();
            return new AnalyticsSummary(from, to, total, byOutcome, byDay, avg, sentiment);
        });
    }
}
