package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.vocadent.backend.TestDatabases#targets")
class HttpBackendClientTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:10:00Z"), ZoneOffset.UTC);
    static BackendServer server;

    @Parameter
    String target;

    @BeforeParameterizedClassInvocation
    static void start(String target) {
        server = TestDatabases.demoServer(target, CLOCK);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    HttpBackendClient westbury() {
        return HttpBackendClient.create(server.baseUrl(), DemoClinics.WESTBURY, DemoClinics.WESTBURY_TOKEN);
    }

    @Test
    void readsItsOwnClinicConfigWithVersion() {
        ClinicConfig c = westbury().customerConfig();
        assertThat(c.customerId()).isEqualTo("westbury");
        assertThat(c.customer().name()).isEqualTo("Westbury Dental");
        assertThat(c.version()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void findsSlotsThenBooksOneAndTheSlotIsGone() {
        HttpBackendClient client = westbury();
        AvailabilityResponse free = client.checkAvailability(new AvailabilityRequest("check-up", null, BookingType.NHS,
                "wb-dr-okafor", LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-26"), null, 5));
        assertThat(free.slots()).hasSize(5);
        var first = free.slots().getFirst();
        assertThat(first.dayLabel()).isEqualTo("Thursday 26 November at 9am");
        BookingRequest req = new BookingRequest(first.slotId(), new Patient("Ann Lee", "07700 900123", LocalDate.parse("1980-02-03")),
                BookingType.NHS, "check-up", PatientType.NEW, Relationship.SELF, "call-1");
        Booking b = client.bookAppointment(req, "key-client-1");
        assertThat(b.slotId()).isEqualTo(first.slotId());
        assertThat(b.start()).isEqualTo(first.start());
        assertThat(client.bookAppointment(req, "key-client-1").bookingId()).isEqualTo(b.bookingId());
        assertThatThrownBy(() -> client.bookAppointment(req, "key-client-2"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(409));
        AvailabilityResponse after = client.checkAvailability(new AvailabilityRequest("check-up", null, BookingType.NHS,
                "wb-dr-okafor", LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-26"), null, 5));
        assertThat(after.slots()).extracting(s -> s.slotId()).doesNotContain(first.slotId());
        assertThat(client.lookupPatient(new PatientLookup("+447700900123", LocalDate.parse("1980-02-03"), "ann  lee")))
                .satisfies(r -> {
                    assertThat(r.matched()).isTrue();
                    assertThat(r.nameMatches()).isTrue();
                    assertThat(r.patientType()).isEqualTo(PatientType.EXISTING);
                });
    }

    @Test
    void mapsErrorStatusesToBackendExceptionWithTheApiError() {
        assertThatThrownBy(() -> westbury().checkAvailability(new AvailabilityRequest("root canal", null, BookingType.NHS,
                null, null, null, null, null)))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().field()).isEqualTo("consultation_type");
                    assertThat(e.isRetryable()).isFalse();
                });
        HttpBackendClient wrong = HttpBackendClient.create(server.baseUrl(), DemoClinics.WESTBURY, "nope");
        assertThatThrownBy(wrong::customerConfig)
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(401));
        HttpBackendClient otherClinic = HttpBackendClient.create(server.baseUrl(), DemoClinics.WESTBURY, DemoClinics.DENTAL2_TOKEN);
        assertThatThrownBy(otherClinic::customerConfig)
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void registersRequestsUpsertsPatientsAndRecordsCallsOnce() {
        HttpBackendClient client = westbury();
        var r = client.registerOtherRequest(new OtherRequest(RequestType.CALLBACK, new Patient("Bo", "+447700900555", null),
                "please call back", "no_slots", "call-2"));
        assertThat(r.requestId()).isNotBlank();
        assertThat(r.requestType()).isEqualTo(RequestType.CALLBACK);
        var p1 = client.upsertPatient(new Patient("Cy Dee", "+447700900556", LocalDate.parse("1990-01-01")));
        var p2 = client.upsertPatient(new Patient("Cy D", "+447700900556", LocalDate.parse("1990-01-01")));
        assertThat(p1.created()).isTrue();
        assertThat(p2.created()).isFalse();
        assertThat(p2.patientId()).isEqualTo(p1.patientId());
        assertThat(p2.name()).isEqualTo("Cy D");
        CallRecord call = new CallRecord("sess-client-1", "chat", null, CallOutcome.ENQUIRY_ONLY, null,
                Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T09:02:00Z"), 120, null, null, List.of(),
                Usage.NONE, null, null, null);
        client.recordCall(call);
        client.recordCall(call);
        var summary = client.analyticsSummary(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-25"));
        assertThat(summary.byOutcome()).containsEntry("enquiry_only", 1L);
    }

    @Test
    void purgeCallsBeforeDeletesOlderCallsAndAFutureInstantIs400() {
        HttpBackendClient client = westbury();
        for (String[] c : new String[][] {{"sess-purge-old", "2026-09-01T09:00:00Z"}, {"sess-purge-new", "2026-09-20T09:00:00Z"}}) {
            client.recordCall(new CallRecord(c[0], "chat", null, CallOutcome.ENQUIRY_ONLY, null, Instant.parse(c[1]),
                    Instant.parse(c[1]).plusSeconds(60), 60, null, null, List.of(), Usage.NONE, null, null, null));
        }
        assertThat(client.purgeCallsBefore(Instant.parse("2026-09-10T00:00:00Z"))).isEqualTo(1);
        assertThat(client.purgeCallsBefore(Instant.parse("2026-09-10T00:00:00Z"))).isZero();
        assertThat(client.analyticsSummary(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30")).totalCalls()).isEqualTo(1);
        assertThatThrownBy(() -> client.purgeCallsBefore(CLOCK.instant().plusSeconds(3600)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void unreachableBackendIsStatusZeroAfterRetries() {
        HttpBackendClient dead = HttpBackendClient.create(java.net.URI.create("http://127.0.0.1:1"), "westbury", "t",
                new HttpBackendClient.Options(java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(500), 2,
                        java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)));
        assertThatThrownBy(dead::customerConfig)
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.isRetryable()).isTrue();
                });
    }
}
