package dev.vocadent.backend;

import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientRecord;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Books a slot: checks the request against the clinic's calendar, then inserts under the database's no-overlap rule. */
final class BookingService {
    /** The answer and whether it was replayed from an idempotency key. */
    record Result(Booking booking, boolean replayed) {}

    private final Jdbi jdbi;
    private final BookingRepository bookings;
    private final PatientRepository patients;
    private final Clock clock;
    private final int horizonDays;

    BookingService(Jdbi jdbi, BookingRepository bookings, PatientRepository patients, Clock clock, int horizonDays) {
        this.jdbi = jdbi;
        this.bookings = bookings;
        this.patients = patients;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    Result book(ClinicConfig config, BookingRequest raw, String idempotencyKey) {
        ZoneId zone = ZoneId.of(config.customer().timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (raw.slotId() == null || raw.slotId().isBlank()) {
            throw ApiException.badRequest("slot_id", "is required");
        }
        Patient patient = PatientInput.complete(raw.patient(), "patient", today);
        if (raw.consultationType() == null || raw.consultationType().isBlank()) {
            throw ApiException.badRequest("consultation_type", "is required");
        }
        Map.Entry<String, ConsultationType> type = ClinicContext.type(config, raw.consultationType(), null)
                .orElseThrow(() -> ApiException.badRequest("consultation_type", "is not offered by this practice"));
        ClinicContext.requireOffered(type, raw.bookingType(), "booking_type");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApiException.badRequest("Idempotency-Key", "must be 1 to 200 characters");
        }
        BookingRequest request = new BookingRequest(raw.slotId(), patient, raw.bookingType(), type.getKey(), raw.patientType(),
                raw.relationship(), raw.callSessionId());
        String hash = sha256(Json.write(request));
        if (idempotencyKey != null) {
            // a retry of a booking that succeeded is answered from the store, even after its slot has started
            var stored = jdbi.withHandle(h -> bookings.stored(h, config.customerId(), idempotencyKey));
            if (stored.isPresent()) {
                return replay(stored.get(), hash);
            }
        }
        SlotId slot = SlotId.parse(raw.slotId()).orElseThrow(() -> ApiException.badRequest("slot_id", "is not a slot id from check-availability"));
        Doctor doctor = config.doctor(slot.doctorId())
                .orElseThrow(() -> ApiException.badRequest("slot_id", "is not a slot of this practice"));
        if (!slot.serviceId().equals(type.getValue().serviceId())) {
            throw ApiException.badRequest("consultation_type", "does not match the consultation type the slot was offered for");
        }
        if (!doctor.consultationTypes().isEmpty() && doctor.consultationTypes().stream().noneMatch(t -> t.equalsIgnoreCase(type.getKey()))) {
            throw ApiException.badRequest("slot_id", doctor.name() + " does not do " + type.getKey());
        }
        int minutes = type.getValue().durationMinutes();
        if (!new SlotCalendar(config).offers(slot.start().toLocalDate(), slot.start().toLocalTime(), minutes)) {
            throw ApiException.badRequest("slot_id", "is not within the practice's opening hours");
        }
        ZonedDateTime start = slot.start().atZone(zone);
        Instant now = clock.instant();
        if (!start.toInstant().isAfter(now) || slot.start().toLocalDate().isAfter(today.plusDays(horizonDays - 1L))) {
            throw new ApiException(409, "conflict", "this slot is no longer available", "slot_id");
        }
        try {
            return jdbi.inTransaction(h -> {
                if (idempotencyKey != null) {
                    bookings.lockKey(h, config.customerId(), idempotencyKey);
                    var stored = bookings.stored(h, config.customerId(), idempotencyKey);
                    if (stored.isPresent()) {
                        return replay(stored.get(), hash);
                    }
                }
                PatientRecord p = patients.upsert(h, config.customerId(), patient);
                ZonedDateTime end = start.plusMinutes(minutes);
                UUID id = bookings.insert(h, config.customerId(), request, doctor.id(), start.toInstant(), end.toInstant(), p.patientId());
                Booking b = new Booking(id.toString(), raw.slotId(), p.patientId(), doctor.id(), doctor.name(),
                        start.toOffsetDateTime(), end.toOffsetDateTime(), DayLabels.of(start), type.getKey(), raw.bookingType(),
                        raw.callSessionId());
                if (idempotencyKey != null) {
                    bookings.store(h, config.customerId(), idempotencyKey, hash, b);
                }
                return new Result(b, false);
            });
        } catch (RuntimeException e) {
            if (isOverlap(e)) {
                throw new ApiException(409, "conflict", "this slot has just been taken", "slot_id");
            }
            throw e;
        }
    }

    private static Result replay(BookingRepository.Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ApiException(422, "idempotency_mismatch", "this Idempotency-Key was used with a different request", null);
        }
        return new Result(stored.booking(), true);
    }

    private static boolean isOverlap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23P01".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
