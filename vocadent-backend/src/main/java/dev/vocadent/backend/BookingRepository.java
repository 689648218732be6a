package dev.vocadent.backend;

import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Bookings and the stored answers of idempotent booking requests. */
final class BookingRepository {
    private final Jdbi jdbi;

    BookingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Booked ranges of the clinic's doctors overlapping [from, to). */
    List<SlotCalendar.Busy> busy(String clinicId, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT doctor_id, extract(epoch FROM lower(during))::bigint AS s, extract(epoch FROM upper(during))::bigint AS e
                          FROM bookings
                         WHERE clinic_id = :clinic AND during && tstzrange(to_timestamp(:from), to_timestamp(:to), '[)')""")
                .bind("clinic", clinicId)
                .bind("from", from.getEpochSecond())
                .bind("to", to.getEpochSecond())
                .map((rs, ctx) -> new SlotCalendar.Busy(rs.getString("doctor_id"), Instant.ofEpochSecond(rs.getLong("s")),
                        Instant.ofEpochSecond(rs.getLong("e"))))
                .list());
    }

    /** Inserts a booking; the exclusion constraint fails (SQLState 23P01) when the doctor is already booked then. */
    UUID insert(Handle h, String clinicId, BookingRequest r, String doctorId, Instant start, Instant end, String patientId) {
        UUID id = UUID.randomUUID();
        h.createUpdate("""
                        INSERT INTO bookings (booking_id, clinic_id, slot_id, doctor_id, during, consultation_type, booking_type,
                                              patient_id, patient_type, relationship, call_session_id)
                        VALUES (:id, :clinic, :slot, :doctor, tstzrange(to_timestamp(:s), to_timestamp(:e), '[)'), :type, :btype,
                                CAST(:patient AS uuid), :ptype, :rel, :session)""")
                .bind("id", id)
                .bind("clinic", clinicId)
                .bind("slot", r.slotId())
                .bind("doctor", doctorId)
                .bind("s", start.getEpochSecond())
                .bind("e", end.getEpochSecond())
                .bind("type", r.consultationType())
                .bind("btype", r.bookingType().wireName())
                .bind("patient", patientId)
                .bind("ptype", r.patientType() == null ? null : r.patientType().wireName())
                .bind("rel", r.relationship() == null ? null : r.relationship().wireName())
                .bind("session", r.callSessionId())
                .execute();
        return id;
    }

    /** A stored idempotent answer: the hash of the request it answered and the booking. */
    record Stored(String requestHash, Booking booking) {}

    Optional<Stored> stored(Handle h, String clinicId, String key) {
        return h.createQuery("SELECT request_hash, response::text AS r FROM idempotency_keys WHERE clinic_id = :clinic AND idem_key = :key")
                .bind("clinic", clinicId).bind("key", key)
                .map((rs, ctx) -> new Stored(rs.getString("request_hash"), readBooking(rs.getString("r"))))
                .findOne();
    }

    private static Booking readBooking(String json) {
        try {
            return dev.vocadent.core.json.Json.mapper().readValue(json, Booking.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored booking answer is not readable", e);
        }
    }

    void store(Handle h, String clinicId, String key, String requestHash, Booking booking) {
        h.createUpdate("""
                        INSERT INTO idempotency_keys (clinic_id, idem_key, request_hash, status, response)
                        VALUES (:clinic, :key, :hash, 201, CAST(:response AS jsonb))""")
                .bind("clinic", clinicId).bind("key", key).bind("hash", requestHash)
                .bind("response", dev.vocadent.core.json.Json.write(booking))
                .execute();
    }

    /** Serialises requests with the same idempotency key for the rest of the transaction. */
    void lockKey(Handle h, String clinicId, String key) {
        h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))) AS locked")
                .bind("k", clinicId + "/" + key).mapTo(Integer.class).one();
    }
}
