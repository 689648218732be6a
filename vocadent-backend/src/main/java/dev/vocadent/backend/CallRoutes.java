package dev.vocadent.backend;

import dev.vocadent.core.api.CallRecord;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /calls} (idempotent by session id), {@code DELETE /calls?before=} (retention: the clinic's
 * call records, transcripts included, that started before an instant) and {@code GET /analytics/summary?from=&to=}.
 */
final class CallRoutes {
    private static final Logger log = LoggerFactory.getLogger(CallRoutes.class);
    private final ClinicRepository clinics;
    private final CallRepository calls;
    private final Clock clock;
    private final int maxBody;

    CallRoutes(ClinicRepository clinics, CallRepository calls, Clock clock, int maxBody) {
        this.clinics = clinics;
        this.calls = calls;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    void register(Routes r) {
        r.post("/calls", this::record);
        r.delete("/calls", this::purge);
        r.get("/analytics/summary", this::summary);
    }

    private void record(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        CallRecord rec = Bodies.parse(ctx, CallRecord.class, maxBody);
        if (rec.sessionId() == null || rec.sessionId().isBlank() || rec.sessionId().length() > 200) {
            throw ApiException.badRequest("session_id", "is required (at most 200 characters)");
        }
        if (rec.outcome() == null) {
            throw ApiException.badRequest("outcome", "is required");
        }
        if (rec.startedAt() == null) {
            throw ApiException.badRequest("started_at", "is required");
        }
        if (rec.endedAt() != null && rec.endedAt().isBefore(rec.startedAt())) {
            throw ApiException.badRequest("ended_at", "must not be before started_at");
        }
        if (rec.durationSeconds() < 0 || Double.isNaN(rec.durationSeconds())) {
            throw ApiException.badRequest("duration_seconds", "must not be negative");
        }
        ZoneId zone = ZoneId.of(ClinicRoutes.ownConfig(clinics, clinic).customer().timezone());
        boolean created = calls.insert(clinic, rec, LocalDate.ofInstant(rec.startedAt(), zone));
        Routes.json(ctx, created ? 201 : 200, new Stored(rec.sessionId(), created));
    }

    /** Answer of POST /calls. */
    record Stored(String sessionId, boolean created) {}

    /**
     * Deletes the calling clinic's call records that started before {@code before} (an ISO-8601 instant,
     * e.g. {@code 2026-08-27T00:00:00Z}, not in the future); answers how many went. Only the token's own
     * clinic is touched: there is no clinic parameter.
     */
    private void purge(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        String v = ctx.queryParam("before");
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("before", "is required: an ISO-8601 instant such as 2026-08-27T00:00:00Z");
        }
        Instant before;
        try {
            before = OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("before", "must be an ISO-8601 instant with an offset, such as 2026-08-27T00:00:00Z");
        }
        if (before.isAfter(clock.instant())) {
            throw ApiException.badRequest("before", "must not be in the future");
        }
        int deleted = calls.deleteBefore(clinic, before);
        log.info("calls: clinic {} purged {} call records that started before {}", clinic, deleted, before);
        Routes.json(ctx, 200, new Purged(before, deleted));
    }

    /** Answer of DELETE /calls. */
    record Purged(Instant before, int deleted) {}

    private void summary(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        ZoneId zone = ZoneId.of(ClinicRoutes.ownConfig(clinics, clinic).customer().timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", to.minusDays(29));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "must not be after to");
        }
        if (from.isBefore(to.minusDays(366))) {
            throw ApiException.badRequest("from", "the range must be at most 366 days");
        }
        Routes.json(ctx, 200, calls.summary(clinic, from, to));
    }

    private static LocalDate date(Context ctx, String name, LocalDate dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be a date YYYY-MM-DD");
        }
    }
}
