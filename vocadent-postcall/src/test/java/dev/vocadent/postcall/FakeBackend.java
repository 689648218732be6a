package dev.vocadent.postcall;

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
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientLookupResult;
import dev.vocadent.core.api.PatientRecord;
import dev.vocadent.core.config.ClinicConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** The backend's call-record side, in memory: idempotent by session id, scriptable failures (status codes). */
public class FakeBackend implements BackendClient {
    public final Map<String, CallRecord> records = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> failures = new ConcurrentLinkedDeque<>();

    public FakeBackend failWith(int... statuses) {
        for (int s : statuses) {
            failures.addLast(s);
        }
        return this;
    }

    @Override
    public void recordCall(CallRecord record) {
        calls.add(record.sessionId());
        Integer fail = failures.pollFirst();
        if (fail != null) {
            throw new BackendException(fail, new ApiError("scripted", "scripted failure", null), null);
        }
        records.putIfAbsent(record.sessionId(), record);
    }

    /** Deletes the stored records that started before {@code before}; a scripted failure throws first. */
    @Override
    public int purgeCallsBefore(java.time.Instant before) {
        Integer fail = failures.pollFirst();
        if (fail != null) {
            throw new BackendException(fail, new ApiError("scripted", "scripted failure", null), null);
        }
        int n = records.size();
        records.values().removeIf(c -> c.startedAt().isBefore(before));
        return n - records.size();
    }

    @Override public ClinicConfig customerConfig() { throw new UnsupportedOperationException(); }
    @Override public AvailabilityResponse checkAvailability(AvailabilityRequest r) { throw new UnsupportedOperationException(); }
    @Override public Booking bookAppointment(BookingRequest r, String k) { throw new UnsupportedOperationException(); }
    @Override public OtherRequestResult registerOtherRequest(OtherRequest r) { throw new UnsupportedOperationException(); }
    @Override public PatientRecord upsertPatient(Patient p) { throw new UnsupportedOperationException(); }
    @Override public PatientLookupResult lookupPatient(PatientLookup l) { throw new UnsupportedOperationException(); }
}
