package dev.vocadent.backend;

import dev.vocadent.core.api.CallRecord;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** {@code POST /calls} (idempotent by session id) and {@code GET /analytics/summary?from=&to=}. */
final class CallRoutes {
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
