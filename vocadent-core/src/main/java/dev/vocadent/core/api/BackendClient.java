package dev.vocadent.core.api;

import dev.vocadent.core.config.ClinicConfig;
import java.time.Instant;

/**
 * The backend as the agent and post-call see it. One client is bound to one clinic's credentials:
 * there is no clinic parameter on any call, so a call can only ever touch its own clinic's rows.
 * Errors are {@link BackendException}s carrying the HTTP status (409 slot taken, 404 unknown…).
 */
public interface BackendClient {
    ClinicConfig customerConfig();

    AvailabilityResponse checkAvailability(AvailabilityRequest request);

    /** Books; the same idempotency key with the same request returns the same booking. */
    Booking bookAppointment(BookingRequest request, String idempotencyKey);

    OtherRequestResult registerOtherRequest(OtherRequest request);

    PatientRecord upsertPatient(Patient patient);

    PatientLookupResult lookupPatient(PatientLookup lookup);

    /** Stores the call record; idempotent by session id. */
    void recordCall(CallRecord record);

    /**
     * Retention: deletes this clinic's call records (transcripts included) that started before
     * {@code before}, which must not be in the future; returns how many were deleted. Idempotent.
     */
    int purgeCallsBefore(Instant before);
}
