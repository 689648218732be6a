package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBackendTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void bookingSurvivesRestartAndReseedingKeepsIt() {
        BookingRequest req;
        Booking booked;
        try (EmbeddedBackend backend = EmbeddedBackend.startDemo(dataDir, CLOCK)) {
            assertThat(backend.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(backend.port()).isPositive();
            HttpBackendClient client = backend.client(DemoClinics.DENTAL2);
            var config = client.customerConfig();
            String type = config.consultationTypes().entrySet().stream()
                    .filter(e -> e.getValue().bookingTypes().contains(BookingType.PRIVATE)).findFirst().orElseThrow().getKey();
            var slot = client.checkAvailability(new AvailabilityRequest(type, null, BookingType.PRIVATE, null,
                    null, null, null, 1)).slots().getFirst();
            assertThat(slot.start().toInstant()).isAfter(CLOCK.instant()).isBefore(CLOCK.instant().plusSeconds(3 * 3600));
            req = new BookingRequest(slot.slotId(), new Patient("Dee Ek", "+447700900777", LocalDate.parse("1975-05-05")),
                    BookingType.PRIVATE, type, PatientType.NEW, Relationship.SELF, "call-restart");
            booked = client.bookAppointment(req, "restart-key");
        }
        assertThat(dataDir.resolve("pg")).isDirectory();
        // restarted three hours later: the slot has started, yet a retry with the key still gets the stored booking
        try (EmbeddedBackend again = EmbeddedBackend.startDemo(dataDir, Clock.offset(CLOCK, java.time.Duration.ofHours(3)))) {
            HttpBackendClient client = HttpBackendClient.create(again.baseUrl(), DemoClinics.DENTAL2, DemoClinics.DENTAL2_TOKEN);
            assertThat(client.bookAppointment(req, "restart-key").bookingId()).isEqualTo(booked.bookingId());
            assertThatThrownBy(() -> client.bookAppointment(req, "another-key"))
                    .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(409));
        }
    }

    @Test
    void demoTokensExistOnlyInDemoMode() {
        try (EmbeddedBackend demo = EmbeddedBackend.startDemo(dataDir, CLOCK)) {
            assertThat(new Http(demo.baseUrl()).get("/customer-config/westbury", DemoClinics.WESTBURY_TOKEN).status()).isEqualTo(200);
        }
        try (EmbeddedBackend plain = EmbeddedBackend.start(BackendOptions.local(dataDir, CLOCK))) {
            Http http = new Http(plain.baseUrl());
            assertThat(http.get("/customer-config/westbury", DemoClinics.WESTBURY_TOKEN).status()).isEqualTo(401);
            assertThat(http.put("/admin/clinics/westbury/config", DemoClinics.ADMIN_TOKEN, DemoClinics.json("westbury")).status())
                    .isEqualTo(401);
        }
    }
}
