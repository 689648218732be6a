package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.vocadent.backend.TestDatabases#targets")
class BookingApiTest {
    static BackendServer server;
    static Http http;

    @Parameter
    String target;

    @BeforeParameterizedClassInvocation
    static void start(String target) {
        server = TestDatabases.demoServer(target, Fixtures.CLOCK);
        http = new Http(server.baseUrl());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void bookingReturns201WithTheSlotAndCreatesThePatient() {
        JsonNode slot = Fixtures.firstSlot(http, "2026-11-27");
        long patients = Fixtures.count(server, "patients");
        Http.Res r = http.post("/book-appointment", Fixtures.W, Fixtures.booking(slot.path("slot_id").asText(), "Eve Fox", "+447700900001", "1985-06-07"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode b = r.json();
        assertThat(b.path("slot_id").asText()).isEqualTo(slot.path("slot_id").asText());
        assertThat(b.path("doctor_id").asText()).isEqualTo("wb-dr-okafor");
        assertThat(b.path("start").asText()).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(b.path("end").asText()).isEqualTo("2026-11-27T09:30:00Z");
        assertThat(b.path("day_label").asText()).isEqualTo("Friday 27 November at 9am");
        assertThat(Fixtures.count(server, "patients")).isEqualTo(patients + 1);
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheStoredBookingOtherBodyIs422() {
        JsonNode slot = Fixtures.firstSlot(http, "2026-11-30");
        Map<String, Object> body = Fixtures.booking(slot.path("slot_id").asText(), "Gil Ho", "+447700900002", "1970-01-02");
        Http.Res first = http.send("POST", "/book-appointment", Fixtures.W, body, "idem-1");
        Http.Res again = http.send("POST", "/book-appointment", Fixtures.W, body, "idem-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("booking_id").asText()).isEqualTo(first.json().path("booking_id").asText());
        assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        long bookings = Fixtures.count(server, "bookings");
        Map<String, Object> other = Fixtures.booking(slot.path("slot_id").asText(), "Other Person", "+447700900003", "1970-01-02");
        Http.Res mismatch = http.send("POST", "/book-appointment", Fixtures.W, other, "idem-1");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().path("error").asText()).isEqualTo("idempotency_mismatch");
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
    }

    @Test
    void takenSlotIs409AndChangesNothing() {
        JsonNode slot = Fixtures.firstSlot(http, "2026-12-01");
        String id = slot.path("slot_id").asText();
        assertThat(http.post("/book-appointment", Fixtures.W, Fixtures.booking(id, "Ida Jo", "+447700900004", "1960-03-03")).status()).isEqualTo(201);
        long bookings = Fixtures.count(server, "bookings");
        long patients = Fixtures.count(server, "patients");
        Http.Res r = http.post("/book-appointment", Fixtures.W, Fixtures.booking(id, "Kai Lu", "+447700900005", "1961-03-03"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("error").asText()).isEqualTo("conflict");
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
        assertThat(Fixtures.count(server, "patients")).isEqualTo(patients);
    }

    @Test
    void overlappingSlotOfAnotherLengthIsAlsoRefusedByTheDatabase() {
        // a 30-minute check-up at 10:00 and a 20-minute emergency at 10:15 with the same doctor overlap
        String day = "2026-12-02";
        String checkup = "wb-dr-patel@20261202T1000@wb-checkup";
        String emergency = "wb-dr-patel@20261202T1015@wb-emergency";
        assertThat(http.post("/book-appointment", Fixtures.W, Fixtures.booking(checkup, "Mo No", "+447700900006", "1990-09-09")).status())
                .isEqualTo(201);
        Map<String, Object> e = Fixtures.booking(emergency, "Pa Qu", "+447700900007", "1991-09-09");
        e.put("consultation_type", "emergency appointment");
        assertThat(http.post("/book-appointment", Fixtures.W, e).status()).isEqualTo(409);
        Http.Res free = http.post("/check-availability", Fixtures.W,
                Fixtures.availability("emergency appointment", "nhs", "wb-dr-patel", day, day));
        assertThat(free.json().path("slots").findValuesAsText("slot_id")).doesNotContain(emergency)
                .contains("wb-dr-patel@20261202T0940@wb-emergency".replace("0940", "0930"));
    }

    @Test
    void hundredParallelBookingsOfOneSlotGiveExactlyOne201() throws Exception {
        JsonNode slot = Fixtures.firstSlot(http, "2026-12-03");
        String id = slot.path("slot_id").asText();
        long before = Fixtures.count(server, "bookings");
        int n = 100;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String phone = String.format("+4477009%05d", i);
                results.add(pool.submit(() -> {
                    go.await();
                    return http.post("/book-appointment", Fixtures.W, Fixtures.booking(id, "Racer " + phone, phone, "1999-01-01")).status();
                }));
            }
            go.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Integer> f : results) {
                int s = f.get();
                if (s == 201) {
                    created++;
                } else if (s == 409) {
                    conflicts++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(conflicts).isEqualTo(n - 1);
        }
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(before + 1);
        long rows = server.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM bookings WHERE slot_id = :s")
                .bind("s", id).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void injectionStringIsStoredAsData() {
        JsonNode slot = Fixtures.firstSlot(http, "2026-12-04");
        String evil = "'; DROP TABLE bookings; --";
        Http.Res r = http.post("/book-appointment", Fixtures.W, Fixtures.booking(slot.path("slot_id").asText(), evil, "+447700900008", "1980-08-08"));
        assertThat(r.status()).isEqualTo(201);
        String stored = server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT p.name FROM bookings b JOIN patients p USING (patient_id) WHERE b.booking_id = CAST(:id AS uuid)")
                .bind("id", r.json().path("booking_id").asText()).mapTo(String.class).one());
        assertThat(stored).isEqualTo(evil);
        assertThat(Fixtures.count(server, "bookings")).isPositive();
    }

    @Test
    void badBookingRequestsAre400NamingTheFieldAndChangeNothing() {
        JsonNode slot = Fixtures.firstSlot(http, "2026-12-07");
        String id = slot.path("slot_id").asText();
        long bookings = Fixtures.count(server, "bookings");
        long patients = Fixtures.count(server, "patients");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"slot_id\": ", "$");
        cases.put("[1,2]", "$");
        cases.put(json(id, "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-13-45\"", "nhs"), "patient.date_of_birth");
        cases.put(json(id, "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"2030-01-01\"", "nhs"), "patient.date_of_birth");
        cases.put(json(id, "\"name\":\"A\",\"phone\":\"call me\",\"date_of_birth\":\"1990-01-01\"", "nhs"), "patient.phone");
        cases.put(json(id, "\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-01-01\"", "nhs"), "patient.name");
        cases.put(json(id, "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-01-01\"", "dental-plan"), "booking_type");
        cases.put(json("not-a-slot", "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-01-01\"", "nhs"), "slot_id");
        cases.put(json("wb-dr-patel@20261207T0905@wb-checkup", "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-01-01\"", "nhs"), "slot_id");
        cases.put(json("wb-dr-patel@20261206T1000@wb-checkup", "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-01-01\"", "nhs"), "slot_id");
        cases.put(json("dr-nobody@20261207T1000@wb-checkup", "\"name\":\"A\",\"phone\":\"+447700900009\",\"date_of_birth\":\"1990-01-01\"", "nhs"), "slot_id");
        cases.put("{\"slot_id\":\"" + id + "\",\"patient\":\"Ann\",\"booking_type\":\"nhs\",\"consultation_type\":\"check-up\"}", "patient");
        for (var c : cases.entrySet()) {
            Http.Res r = http.post("/book-appointment", Fixtures.W, c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.field()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.json().path("error").asText()).isEqualTo("bad_request");
        }
        Map<String, Object> hygieneOnNhs = Fixtures.booking(id, "A", "+447700900009", "1990-01-01");
        hygieneOnNhs.put("consultation_type", "hygiene appointment");
        assertThat(http.post("/book-appointment", Fixtures.W, hygieneOnNhs).field()).isEqualTo("booking_type");
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
        assertThat(Fixtures.count(server, "patients")).isEqualTo(patients);
    }

    @Test
    void slotInThePastIs409() {
        Http.Res r = http.post("/book-appointment", Fixtures.W, Fixtures.booking("wb-dr-patel@20261125T0900@wb-checkup", "Late", "+447700900010", "1990-01-01"));
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void bodyOver64KiBIs413AndChangesNothing() {
        long bookings = Fixtures.count(server, "bookings");
        Map<String, Object> big = Fixtures.booking("x", "y".repeat(70_000), "+447700900011", "1990-01-01");
        Http.Res r = http.post("/book-appointment", Fixtures.W, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("error").asText()).isEqualTo("payload_too_large");
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
    }

    @Test
    void chunkedBodyOver64KiBWithoutContentLengthIs413Too() throws Exception {
        long bookings = Fixtures.count(server, "bookings");
        byte[] big = dev.vocadent.core.json.Json.write(Fixtures.booking("x", "z".repeat(70_000), "+447700900012", "1990-01-01"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var req = java.net.http.HttpRequest.newBuilder(server.baseUrl().resolve("/book-appointment"))
                .header("Authorization", "Bearer " + Fixtures.W).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        var res = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(res.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
    }

    private static String json(String slot, String patient, String bookingType) {
        return "{\"slot_id\":\"" + slot + "\",\"patient\":{" + patient + "},\"booking_type\":\"" + bookingType
                + "\",\"consultation_type\":\"check-up\",\"patient_type\":\"new\",\"relationship\":\"self\"}";
    }
}
