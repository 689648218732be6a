package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.demo.DemoClinics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint × no token, a wrong token, the admin token, the other clinic's token. */
@ParameterizedClass
@MethodSource("dev.vocadent.backend.TestDatabases#targets")
class TenantIsolationTest {
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

    record Call(String method, String path, Object body) {}

    static final List<Call> CLINIC_ENDPOINTS = List.of(
            new Call("GET", "/customer-config/westbury", null),
            new Call("POST", "/check-availability", Fixtures.availability("check-up", "nhs", null, null, null)),
            new Call("POST", "/book-appointment", Fixtures.booking("wb-dr-patel@20261208T0900@wb-checkup", "Al", "+447700900100", "1990-01-01")),
            new Call("POST", "/register-other-requests", Map.of("request_type", "callback", "message", "hi")),
            new Call("POST", "/user", Map.of("name", "Al", "phone", "+447700900100", "date_of_birth", "1990-01-01")),
            new Call("POST", "/user/lookup", Map.of("phone", "+447700900100", "date_of_birth", "1990-01-01")),
            new Call("POST", "/calls", Map.of("session_id", "s-iso", "outcome", "hung_up", "started_at", "2026-11-25T09:00:00Z",
                    "duration_seconds", 3)),
            new Call("DELETE", "/calls?before=2026-11-01T00:00:00Z", null),
            new Call("GET", "/analytics/summary", null));
    static final List<Call> ADMIN_ENDPOINTS = List.of(
            new Call("PUT", "/admin/clinics/westbury/config", DemoClinics.json("westbury")),
            new Call("POST", "/admin/clinics/westbury/tokens", Map.of("label", "x")));

    @Test
    void noTokenOrAWrongTokenIs401EverywhereAndChangesNothing() {
        long bookings = Fixtures.count(server, "bookings");
        long patients = Fixtures.count(server, "patients");
        long requests = Fixtures.count(server, "other_requests");
        long calls = Fixtures.count(server, "calls");
        long tokens = Fixtures.count(server, "api_tokens");
        for (Call c : concat()) {
            for (String token : new String[] {null, "wrong-token", "demo-westbury-token-but-longer", ""}) {
                Http.Res r = http.send(c.method(), c.path(), token, c.body(), null);
                assertThat(r.status()).as(c + " with " + token).isEqualTo(401);
                assertThat(r.json().path("error").asText()).isEqualTo("unauthorized");
                assertThat(r.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
            }
        }
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
        assertThat(Fixtures.count(server, "patients")).isEqualTo(patients);
        assertThat(Fixtures.count(server, "other_requests")).isEqualTo(requests);
        assertThat(Fixtures.count(server, "calls")).isEqualTo(calls);
        assertThat(Fixtures.count(server, "api_tokens")).isEqualTo(tokens);
    }

    @Test
    void adminTokenOnClinicEndpointsAndClinicTokensOnAdminEndpointsAre403() {
        for (Call c : CLINIC_ENDPOINTS) {
            assertThat(http.send(c.method(), c.path(), Fixtures.ADMIN, c.body(), null).status()).as(c.toString()).isEqualTo(403);
            assertThat(http.send(c.method(), c.path(), DemoClinics.ADMIN_TOKEN, c.body(), null).status()).as(c.toString()).isEqualTo(403);
        }
        for (Call c : ADMIN_ENDPOINTS) {
            assertThat(http.send(c.method(), c.path(), Fixtures.W, c.body(), null).status()).as(c.toString()).isEqualTo(403);
            assertThat(http.send(c.method(), c.path(), Fixtures.D2, c.body(), null).status()).as(c.toString()).isEqualTo(403);
        }
    }

    @Test
    void otherClinicsConfigIs404AsIfItDidNotExist() {
        Http.Res other = http.get("/customer-config/westbury", Fixtures.D2);
        Http.Res missing = http.get("/customer-config/no-such-clinic", Fixtures.D2);
        assertThat(other.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(missing.body());
        assertThat(http.get("/customer-config/dental2", Fixtures.D2).status()).isEqualTo(200);
    }

    @Test
    void otherClinicsDoctorsTypesAndSlotsAreUnknownToAToken() {
        // westbury's consultation type and doctor, asked with dental2's token
        Http.Res types = http.post("/check-availability", Fixtures.D2, Fixtures.availability("whitening consultation", "private", null, null, null));
        assertThat(types.status()).isEqualTo(400);
        assertThat(types.field()).isEqualTo("consultation_type");
        JsonNode dental2 = http.get("/customer-config/dental2", Fixtures.D2).json();
        String d2Type = dental2.path("consultation_types").fieldNames().next();
        String d2Booking = dental2.path("consultation_types").path(d2Type).path("booking_types").get(0).asText();
        Http.Res doctor = http.post("/check-availability", Fixtures.D2, Fixtures.availability(d2Type, d2Booking, "wb-dr-patel", null, null));
        assertThat(doctor.status()).isEqualTo(400);
        assertThat(doctor.field()).isEqualTo("preferred_doctor_id");
        JsonNode slot = Fixtures.firstSlot(http, "2026-12-08");
        long bookings = Fixtures.count(server, "bookings");
        Map<String, Object> b = Fixtures.booking(slot.path("slot_id").asText(), "Cross", "+447700900101", "1990-01-01");
        b.put("consultation_type", d2Type);
        b.put("booking_type", d2Booking);
        Http.Res cross = http.post("/book-appointment", Fixtures.D2, b);
        assertThat(cross.status()).isEqualTo(400);
        assertThat(cross.field()).isIn("slot_id", "consultation_type");
        assertThat(Fixtures.count(server, "bookings")).isEqualTo(bookings);
    }

    @Test
    void patientsCallsAndIdempotencyKeysAreSeparatePerClinic() {
        Map<String, Object> p = Map.of("name", "Shared Name", "phone", "+447700900102", "date_of_birth", "1970-07-07");
        Http.Res w = http.post("/user", Fixtures.W, p);
        assertThat(w.status()).isEqualTo(201);
        Http.Res lookup = http.post("/user/lookup", Fixtures.D2, Map.of("phone", "+447700900102", "date_of_birth", "1970-07-07"));
        assertThat(lookup.json().path("matched").asBoolean()).isFalse();
        Http.Res d = http.post("/user", Fixtures.D2, Map.of("name", "Changed", "phone", "+447700900102", "date_of_birth", "1970-07-07"));
        assertThat(d.status()).isEqualTo(201);
        assertThat(d.json().path("patient_id").asText()).isNotEqualTo(w.json().path("patient_id").asText());
        long westburyRequests = westburyRequests();
        assertThat(http.post("/register-other-requests", Fixtures.D2, Map.of("request_type", "message", "message", "for dental2")).status())
                .isEqualTo(201);
        assertThat(westburyRequests()).isEqualTo(westburyRequests);
        Http.Res wAgain = http.post("/user/lookup", Fixtures.W, Map.of("phone", "+447700900102", "date_of_birth", "1970-07-07", "name", "shared name"));
        assertThat(wAgain.json().path("name_matches").asBoolean()).isTrue();

        Map<String, Object> call = Map.of("session_id", "shared-session", "outcome", "booked", "started_at", "2026-11-24T09:00:00Z",
                "duration_seconds", 60);
        assertThat(http.post("/calls", Fixtures.W, call).status()).isEqualTo(201);
        assertThat(http.post("/calls", Fixtures.D2, call).status()).isEqualTo(201);
        JsonNode d2Summary = http.get("/analytics/summary?from=2026-11-24&to=2026-11-24", Fixtures.D2).json();
        assertThat(d2Summary.path("total_calls").asLong()).isEqualTo(1);

        JsonNode wSlot = Fixtures.firstSlot(http, "2026-12-07");
        assertThat(http.send("POST", "/book-appointment", Fixtures.W,
                Fixtures.booking(wSlot.path("slot_id").asText(), "Key Owner", "+447700900103", "1980-01-01"), "shared-key").status()).isEqualTo(201);
        Http.Res d2Slots = http.post("/check-availability", Fixtures.D2,
                Fixtures.availability(http.get("/customer-config/dental2", Fixtures.D2).json().path("consultation_types").fieldNames().next(),
                        http.get("/customer-config/dental2", Fixtures.D2).json().path("consultation_types").elements().next()
                                .path("booking_types").get(0).asText(), null, "2026-12-07", "2026-12-07"));
        JsonNode s = d2Slots.json().path("slots").get(0);
        Map<String, Object> d2b = Fixtures.booking(s.path("slot_id").asText(), "Key Owner", "+447700900103", "1980-01-01");
        d2b.put("consultation_type", s.path("consultation_type").asText());
        d2b.put("booking_type", http.get("/customer-config/dental2", Fixtures.D2).json().path("consultation_types")
                .path(s.path("consultation_type").asText()).path("booking_types").get(0).asText());
        assertThat(http.send("POST", "/book-appointment", Fixtures.D2, d2b, "shared-key").status()).isEqualTo(201);
    }

    private static long westburyRequests() {
        return server.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM other_requests WHERE clinic_id = 'westbury'")
                .mapTo(Long.class).one());
    }

    private static List<Call> concat() {
        List<Call> all = new java.util.ArrayList<>(CLINIC_ENDPOINTS);
        all.addAll(ADMIN_ENDPOINTS);
        return all;
    }
}
