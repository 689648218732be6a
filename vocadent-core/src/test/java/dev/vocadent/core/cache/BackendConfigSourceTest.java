package dev.vocadent.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.vocadent.core.demo.DemoClinics;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BackendConfigSourceTest {

    /** A client of one clinic whose customerConfig() answers as told; nothing else is used. */
    record ConfigOnlyClient(Supplier<ClinicConfig> answer) implements BackendClient {
        public ClinicConfig customerConfig() {
            return answer.get();
        }

        public AvailabilityResponse checkAvailability(AvailabilityRequest r) {
            throw new UnsupportedOperationException();
        }

        public Booking bookAppointment(BookingRequest r, String k) {
            throw new UnsupportedOperationException();
        }

        public OtherRequestResult registerOtherRequest(OtherRequest r) {
            throw new UnsupportedOperationException();
        }

        public PatientRecord upsertPatient(Patient p) {
            throw new UnsupportedOperationException();
        }

        public PatientLookupResult lookupPatient(PatientLookup l) {
            throw new UnsupportedOperationException();
        }

        public void recordCall(CallRecord r) {
            throw new UnsupportedOperationException();
        }

        public int purgeCallsBefore(java.time.Instant before) {
            throw new UnsupportedOperationException();
        }
    }

    static BackendException status(int s) {
        return new BackendException(s, new ApiError("x", "status " + s, null), null);
    }

    final Map<String, BackendClient> clients = Map.of(
            "westbury", new ConfigOnlyClient(DemoClinics::westbury),
            "gone", new ConfigOnlyClient(() -> {
                throw status(404);
            }),
            "down", new ConfigOnlyClient(() -> {
                throw status(503);
            }));
    final ClinicConfigSource source = ClinicConfigSource.backend(clients::get);

    @Test
    void loadsThroughTheClinicsOwnClient() throws Exception {
        assertThat(source.load("westbury")).contains(DemoClinics.westbury());
    }

    @Test
    void notFoundAndNoClientAreNotFound() throws Exception {
        assertThat(source.load("gone")).isEmpty();
        assertThat(source.load("noclient")).isEmpty();
    }

    @Test
    void otherBackendErrorsAreFailures() {
        assertThatThrownBy(() -> source.load("down")).isInstanceOf(BackendException.class).hasMessageContaining("503");
    }

    @Test
    void inADirectoryA404IsAnUnknownClinicAndA503ServesNothingStaleWhenNothingWasLoaded() {
        try (ClinicDirectory d = ClinicDirectory.builder(source).build()) {
            assertThat(d.get("westbury").customerId()).isEqualTo("westbury");
            assertThatThrownBy(() -> d.get("gone")).isInstanceOf(UnknownClinicException.class);
            assertThatThrownBy(() -> d.get("down")).isInstanceOf(ConfigUnavailableException.class)
                    .hasMessageContaining("503");
        }
    }
}
