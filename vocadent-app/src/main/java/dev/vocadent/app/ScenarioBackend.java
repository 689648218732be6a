package dev.vocadent.app;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.OtherRequestResult;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientLookupResult;
import dev.vocadent.core.api.PatientRecord;
import dev.vocadent.core.config.ClinicConfig;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The demo backend as one scenario sees it, with the scenario's backend directives applied:
 * {@code slot-taken-once} (another caller really books the chosen slot just before this call's
 * booking, so the backend answers 409) and {@code fully-booked} (availability answers no slots).
 */
final class ScenarioBackend implements BackendClient {
    private final BackendClient real;
    private boolean takeNextBooking;
    private boolean fullyBooked;

    ScenarioBackend(BackendClient real) {
        this.real = real;
    }

    void takeNextBooking() {
        takeNextBooking = true;
    }

    void fullyBooked() {
        fullyBooked = true;
    }

    @Override
    public ClinicConfig customerConfig() {
        return real.customerConfig();
    }

    @Override
    public AvailabilityResponse checkAvailability(AvailabilityRequest request) {
        return fullyBooked ? new AvailabilityResponse(java.util.List.of()) : real.checkAvailability(request);
    }

    @Override
    public Booking bookAppointment(BookingRequest request, String idempotencyKey) {
        if (takeNextBooking) {
            takeNextBooking = false;
            BookingRequest other = new BookingRequest(request.slotId(),
                    new Patient("Another Caller", "+447700900000", LocalDate.of(1970, 1, 1)), request.bookingType(),
                    request.consultationType(), request.patientType(), request.relationship(), "other-" + UUID.randomUUID());
            real.bookAppointment(other, "other-" + UUID.randomUUID());
        }
        return real.bookAppointment(request, idempotencyKey);
    }

    @Override
    public OtherRequestResult registerOtherRequest(OtherRequest request) {
        return real.registerOtherRequest(request);
    }

    @Override
    public PatientRecord upsertPatient(Patient patient) {
        return real.upsertPatient(patient);
    }

    @Override
    public PatientLookupResult lookupPatient(PatientLookup lookup) {
        return real.lookupPatient(lookup);
    }

    @Override
    public void recordCall(CallRecord record) {
        real.recordCall(record);
    }

    @Override
    public int purgeCallsBefore(java.time.Instant before) {
        return real.purgeCallsBefore(before);
    }
}
