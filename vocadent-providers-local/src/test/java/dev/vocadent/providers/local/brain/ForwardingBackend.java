package dev.vocadent.providers.local.brain;

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

/** A BackendClient that passes every call on; subclasses change one method. */
class ForwardingBackend implements BackendClient {
    private final BackendClient next;

    ForwardingBackend(BackendClient next) {
        this.next = next;
    }

    @Override public ClinicConfig customerConfig() { return next.customerConfig(); }
    @Override public AvailabilityResponse checkAvailability(AvailabilityRequest r) { return next.checkAvailability(r); }
    @Override public Booking bookAppointment(BookingRequest r, String key) { return next.bookAppointment(r, key); }
    @Override public OtherRequestResult registerOtherRequest(OtherRequest r) { return next.registerOtherRequest(r); }
    @Override public PatientRecord upsertPatient(Patient p) { return next.upsertPatient(p); }
    @Override public PatientLookupResult lookupPatient(PatientLookup l) { return next.lookupPatient(l); }
    @Override public void recordCall(CallRecord r) { next.recordCall(r); }
    @Override public int purgeCallsBefore(java.time.Instant before) { return next.purgeCallsBefore(before); }
}
