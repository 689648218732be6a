package dev.vocadent.backend;

import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientLookupResult;
import dev.vocadent.core.api.PatientRecord;
import dev.vocadent.core.api.PatientType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

/** {@code POST /user}, {@code POST /user/lookup} and {@code POST /register-other-requests}. */
final class PatientRoutes {
    private final Jdbi jdbi;
    private final ClinicRepository clinics;
    private final PatientRepository patients;
    private final RequestRepository requests;
    private final Clock clock;
    private final int maxBody;

    PatientRoutes(Jdbi jdbi, ClinicRepository clinics, PatientRepository patients, RequestRepository requests, Clock clock, int maxBody) {
        this.jdbi = jdbi;
        this.clinics = clinics;
        this.patients = patients;
        this.requests = requests;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    void register(Routes r) {
        r.post("/user", this::upsert);
        r.post("/user/lookup", this::lookup);
        r.post("/register-other-requests", this::other);
    }

    private ZoneId zone(String clinic) {
        return ZoneId.of(ClinicRoutes.ownConfig(clinics, clinic).customer().timezone());
    }

    private void upsert(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        Patient body = Bodies.parse(ctx, Patient.class, maxBody);
        Patient p = PatientInput.complete(body, "", LocalDate.now(clock.withZone(zone(clinic))));
        PatientRecord rec = jdbi.inTransaction(h -> patients.upsert(h, clinic, p));
        Routes.json(ctx, rec.created() ? 201 : 200, rec);
    }

    private void lookup(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        PatientLookup body = Bodies.parse(ctx, PatientLookup.class, maxBody);
        LocalDate today = LocalDate.now(clock.withZone(zone(clinic)));
        String phone = PatientInput.phone(body.phone(), "phone", true);
        LocalDate dob = PatientInput.dateOfBirth(body.dateOfBirth(), "date_of_birth", today, true);
        String name = PatientInput.name(body.name(), "name", false);
        var found = jdbi.withHandle(h -> patients.find(h, clinic, phone, dob));
        PatientLookupResult result = found
                .map(f -> new PatientLookupResult(true, name != null && normal(name).equals(normal(f[1])), f[0], PatientType.EXISTING))
                .orElse(new PatientLookupResult(false, false, null, PatientType.NEW));
        Routes.json(ctx, 200, result);
    }

    private void other(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        OtherRequest body = Bodies.parse(ctx, OtherRequest.class, maxBody);
        ZoneId zone = zone(clinic);
        if (body.requestType() == null) {
            throw ApiException.badRequest("request_type", "is required (callback, message, cancellation, reschedule or other)");
        }
        Patient p = PatientInput.partial(body.patient(), "patient", LocalDate.now(clock.withZone(zone)));
        PatientInput.text(body.message(), "message");
        if (body.reason() != null && body.reason().length() > 100) {
            throw ApiException.badRequest("reason", "is longer than 100 characters");
        }
        if (p.phone() == null && (body.message() == null || body.message().isBlank())) {
            throw ApiException.badRequest("patient.phone", "a phone number or a message is required");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), zone);
        Routes.json(ctx, 201, requests.insert(clinic, body, p, now));
    }

    private static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
