package dev.vocadent.backend;

import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.OtherRequestResult;
import dev.vocadent.core.api.Patient;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Requests for the practice team that are not bookings (callback, message, cancellation, reschedule, other). */
final class RequestRepository {
    private final Jdbi jdbi;

    RequestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    OtherRequestResult insert(String clinicId, OtherRequest r, Patient p, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO other_requests (request_id, clinic_id, request_type, patient_name, phone, date_of_birth,
                                                    message, reason, call_session_id, created_at)
                        VALUES (:id, :clinic, :type, :name, :phone, :dob, :message, :reason, :session, to_timestamp(:at))""")
                .bind("id", id).bind("clinic", clinicId).bind("type", r.requestType().wireName())
                .bind("name", p.name()).bind("phone", p.phone()).bind("dob", p.dateOfBirth())
                .bind("message", r.message()).bind("reason", r.reason()).bind("session", r.callSessionId())
                .bind("at", now.toEpochSecond())
                .execute());
        return new OtherRequestResult(id.toString(), r.requestType(), now);
    }
}
