package dev.vocadent.core.testing;

import dev.vocadent.core.api.ApiError;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.OtherRequestResult;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientLookupResult;
import dev.vocadent.core.api.PatientRecord;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.config.OpeningHours;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory {@link BackendClient} for one clinic, good enough to drive end-to-end tests: slots
 * generated from the clinic's opening hours and doctors (09:00, 10:30, 14:00, 15:30 on open days),
 * bookings with idempotency keys (same key + same body → same booking; other body → 422), 409 when a
 * slot is taken, patient lookup by phone + date of birth, and hooks to simulate trouble.
 * Thread-safe.
 */
public final class FakeBackend implements BackendClient {
    /** Start times of the fake slots, each day the practice is open long enough. */
    public static final List<LocalTime> SLOT_TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(10, 30),
            LocalTime.of(14, 0), LocalTime.of(15, 30));
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mma", Locale.UK);

    private final ClinicConfig clinic;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Slot> knownSlots = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<String, BookingRequest> requestByKey = new HashMap<>();
    private final Map<String, Booking> bookingByKey = new LinkedHashMap<>();
    private final List<OtherRequest> otherRequests = new ArrayList<>();
    private final List<AvailabilityRequest> availabilityRequests = new ArrayList<>();
    private final List<String> bookingKeys = new ArrayList<>();
    private final Map<String, PatientRecord> patients = new LinkedHashMap<>();
    private final List<PatientLookup> lookups = new ArrayList<>();
    private final Map<String, CallRecord> calls = new LinkedHashMap<>();
    private final List<Integer> failures = new ArrayList<>();
    private final List<Integer> bookingFailures = new ArrayList<>();
    private boolean noAvailability;
    private int ids;

    public FakeBackend(ClinicConfig clinic, Clock clock) {
        this.clinic = clinic;
        this.clock = clock;
        this.zone = ZoneId.of(clinic.customer().timezone());
    }

    // ---- hooks -------------------------------------------------------------------------------

    /** Someone else books this slot: booking it now answers 409 and searches no longer return it. */
    public synchronized void takeSlot(String slotId) {
        taken.add(slotId);
    }

    /** The next backend call (any method) fails with this HTTP status (0 = unreachable). */
    public synchronized void failNext(int status) {
        failures.add(status);
    }

    /** The next booking call fails with this HTTP status (0 = unreachable), before booking anything. */
    public synchronized void failNextBooking(int status) {
        bookingFailures.add(status);
    }

    /** True → every availability search answers no slots. */
    public synchronized void noAvailability(boolean none) {
        noAvailability = none;
    }

    /** Registers an existing patient; returns its id. */
    public synchronized String addPatient(String name, String phone, LocalDate dateOfBirth) {
        String id = "pat-" + (++ids);
        patients.put(id, new PatientRecord(id, name, phone, dateOfBirth, true));
        return id;
    }

    // ---- what happened -----------------------------------------------------------------------

    public synchronized List<Booking> bookings() {
        return List.copyOf(bookingByKey.values());
    }

    /** Idempotency keys of every booking attempt that reached the backend, in order (failed ones too). */
    public synchronized List<String> bookingKeys() {
        return List.copyOf(bookingKeys);
    }

    public synchronized List<OtherRequest> otherRequests() {
        return List.copyOf(otherRequests);
    }

    public synchronized List<AvailabilityRequest> availabilityRequests() {
        return List.copyOf(availabilityRequests);
    }

    public synchronized List<PatientLookup> lookups() {
        return List.copyOf(lookups);
    }

    public synchronized List<CallRecord> calls() {
        return List.copyOf(calls.values());
    }

    // ---- BackendClient -----------------------------------------------------------------------

    @Override
    public synchronized ClinicConfig customerConfig() {
        maybeFail();
        return clinic;
    }

    @Override
    public synchronized AvailabilityResponse checkAvailability(AvailabilityRequest r) {
        maybeFail();
        availabilityRequests.add(r);
        Map.Entry<String, ConsultationType> type = r.consultationType() != null
                ? clinic.consultationType(r.consultationType()).orElseThrow(() -> bad("unknown consultation type", "consultation_type"))
                : clinic.consultationTypes().entrySet().stream().filter(e -> e.getValue().serviceId().equals(r.serviceId()))
                        .findFirst().orElseThrow(() -> bad("unknown service", "service_id"));
        if (r.bookingType() == null || !type.getValue().bookingTypes().contains(r.bookingType())) {
            throw bad(type.getKey() + " is not offered as " + r.bookingType(), "booking_type");
        }
        if (noAvailability) {
            return new AvailabilityResponse(List.of());
        }
        LocalDate from = r.fromDate() != null ? r.fromDate() : LocalDate.now(clock.withZone(zone));
        LocalDate to = r.toDate() != null ? r.toDate() : from.plusDays(14);
        PartOfDay part = r.partOfDay() == null ? PartOfDay.ANY : r.partOfDay();
        int limit = r.limit() == null ? 10 : r.limit();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Slot> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            OpeningHours hours = clinic.customer().openingHours().stream().filter(h -> h.day() == day.getDayOfWeek())
                    .findFirst().orElse(null);
            if (hours == null) {
                continue;
            }
            for (Doctor doc : clinic.doctors()) {
                if (!doc.consultationTypes().contains(type.getKey())) {
                    continue;
                }
                String pref = r.preferredDoctorId();
                if (pref != null && !pref.equals(AvailabilityRequest.ANY_PROVIDER) && !pref.equals(doc.id())) {
                    continue;
                }
                for (LocalTime t : SLOT_TIMES) {
                    LocalTime end = t.plusMinutes(type.getValue().durationMinutes());
                    if (t.isBefore(hours.opens()) || end.isAfter(hours.closes())) {
                        continue;
                    }
                    if (part == PartOfDay.MORNING && t.getHour() >= 12 || part == PartOfDay.AFTERNOON && t.getHour() < 12) {
                        continue;
                    }
                    OffsetDateTime start = LocalDateTime.of(day, t).atZone(zone).toOffsetDateTime();
                    if (start.isBefore(now)) {
                        continue;
                    }
                    String id = type.getValue().serviceId() + "-" + doc.id() + "-" + day + "T" + t;
                    if (taken.contains(id)) {
                        continue;
                    }
                    Slot slot = new Slot(id, doc.id(), doc.name(), start,
                            start.plusMinutes(type.getValue().durationMinutes()),
                            LABEL.format(start).replace("AM", "am").replace("PM", "pm"), type.getKey());
                    knownSlots.put(id, slot);
                    out.add(slot);
                }
            }
        }
        out.sort(Comparator.comparing(Slot::start).thenComparing(Slot::doctorId));
        return new AvailabilityResponse(out.stream().limit(limit).toList());
    }

    @Override
    public synchronized Booking bookAppointment(BookingRequest r, String idempotencyKey) {
        maybeFail();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw bad("Idempotency-Key header is required", null);
        }
        bookingKeys.add(idempotencyKey);
        if (!bookingFailures.isEmpty()) {
            int status = bookingFailures.removeFirst();
            throw new BackendException(status, status == 0 ? null : new ApiError("internal", "simulated failure", null), null);
        }
        BookingRequest earlier = requestByKey.get(idempotencyKey);
        if (earlier != null) {
            if (!earlier.equals(r)) {
                throw new BackendException(422, new ApiError("idempotency_mismatch",
                        "this Idempotency-Key was used with another request", null), null);
            }
            return bookingByKey.get(idempotencyKey);
        }
        Slot slot = knownSlots.get(r.slotId());
        if (slot == null) {
            throw new BackendException(404, new ApiError("not_found", "unknown slot " + r.slotId(), "slot_id"), null);
        }
        if (taken.contains(r.slotId())) {
            throw new BackendException(409, new ApiError("conflict", "slot already booked", "slot_id"), null);
        }
        Patient p = r.patient();
        if (p == null || p.name() == null || p.phone() == null || p.dateOfBirth() == null) {
            throw bad("patient name, phone and date_of_birth are required", "patient");
        }
        if (!clinic.offers(slot.consultationType(), r.bookingType())) {
            throw bad(slot.consultationType() + " is not offered as " + r.bookingType(), "booking_type");
        }
        String patientId = upsert(p).patientId();
        taken.add(r.slotId());
        Booking b = new Booking("bk-" + (++ids), slot.slotId(), patientId, slot.doctorId(), slot.doctorName(),
                slot.start(), slot.end(), slot.dayLabel(), slot.consultationType(), r.bookingType(), r.callSessionId());
        requestByKey.put(idempotencyKey, r);
        bookingByKey.put(idempotencyKey, b);
        return b;
    }

    @Override
    public synchronized OtherRequestResult registerOtherRequest(OtherRequest request) {
        maybeFail();
        if (request.requestType() == null || request.message() == null || request.message().isBlank()) {
            throw bad("request_type and message are required", request.requestType() == null ? "request_type" : "message");
        }
        otherRequests.add(request);
        return new OtherRequestResult("req-" + (++ids), request.requestType(), OffsetDateTime.now(clock));
    }

    @Override
    public synchronized PatientRecord upsertPatient(Patient patient) {
        maybeFail();
        return upsert(patient);
    }

    private PatientRecord upsert(Patient p) {
        for (PatientRecord existing : patients.values()) {
            if (existing.phone().equals(p.phone()) && existing.dateOfBirth().equals(p.dateOfBirth())) {
                PatientRecord updated = new PatientRecord(existing.patientId(), p.name(), p.phone(), p.dateOfBirth(), false);
                patients.put(existing.patientId(), updated);
                return updated;
            }
        }
        String id = "pat-" + (++ids);
        PatientRecord rec = new PatientRecord(id, p.name(), p.phone(), p.dateOfBirth(), true);
        patients.put(id, rec);
        return rec;
    }

    @Override
    public synchronized PatientLookupResult lookupPatient(PatientLookup lookup) {
        maybeFail();
        lookups.add(lookup);
        for (PatientRecord p : patients.values()) {
            if (p.phone().equals(lookup.phone()) && p.dateOfBirth().equals(lookup.dateOfBirth())) {
                boolean nameMatches = lookup.name() != null && norm(lookup.name()).equals(norm(p.name()));
                return new PatientLookupResult(true, nameMatches, p.patientId(), PatientType.EXISTING);
            }
        }
        return new PatientLookupResult(false, false, null, PatientType.NEW);
    }

    @Override
    public synchronized void recordCall(CallRecord record) {
        maybeFail();
        calls.put(record.sessionId(), record);
    }

    /** Deletes the call records that started before {@code before} (as the backend's DELETE /calls does). */
    @Override
    public synchronized int purgeCallsBefore(java.time.Instant before) {
        maybeFail();
        int n = calls.size();
        calls.values().removeIf(c -> c.startedAt().isBefore(before));
        return n - calls.size();
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private void maybeFail() {
        if (!failures.isEmpty()) {
            int status = failures.removeFirst();
            throw new BackendException(status, status == 0 ? null : new ApiError("internal", "simulated failure", null), null);
        }
    }

    private static BackendException bad(String message, String field) {
        return new BackendException(400, new ApiError("bad_request", message, field), null);
    }
}
