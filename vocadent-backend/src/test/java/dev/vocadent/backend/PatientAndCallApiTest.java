package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.vocadent.backend.TestDatabases#targets")
class PatientAndCallApiTest {
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
    void samePhoneAndBirthDateIsTheSamePatientInAnyNotation() {
        Http.Res a = http.post("/user", Fixtures.W, Map.of("name", "Jo Kay", "phone", "07700 900200", "date_of_birth", "1988-08-08"));
        Http.Res b = http.post("/user", Fixtures.W, Map.of("name", "Joanna Kay", "phone", "+44 7700 900200", "date_of_birth", "1988-08-08"));
        Http.Res c = http.post("/user", Fixtures.W, Map.of("name", "Jo Kay", "phone", "+447700900200", "date_of_birth", "1988-08-09"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(200);
        assertThat(c.status()).isEqualTo(201);
        assertThat(b.json().path("patient_id").asText()).isEqualTo(a.json().path("patient_id").asText());
        assertThat(b.json().path("phone").asText()).isEqualTo("+447700900200");
        assertThat(c.json().path("patient_id").asText()).isNotEqualTo(a.json().path("patient_id").asText());
    }

    @Test
    void lookupNeverRevealsStoredDetails() {
        http.post("/user", Fixtures.W, Map.of("name", "Secret Name", "phone", "+447700900201", "date_of_birth", "1977-07-07"));
        Http.Res wrongName = http.post("/user/lookup", Fixtures.W, Map.of("phone", "+447700900201", "date_of_birth", "1977-07-07", "name", "Other"));
        assertThat(wrongName.json().path("matched").asBoolean()).isTrue();
        assertThat(wrongName.json().path("name_matches").asBoolean()).isFalse();
        assertThat(wrongName.body()).doesNotContain("Secret").doesNotContain("+447700900201").doesNotContain("1977");
        Http.Res none = http.post("/user/lookup", Fixtures.W, Map.of("phone", "+447700900201", "date_of_birth", "1977-07-08"));
        assertThat(none.json().path("matched").asBoolean()).isFalse();
        assertThat(none.json().path("patient_type").asText()).isEqualTo("new");
    }

    @Test
    void badPatientInputIs400AndChangesNothing() {
        long before = Fixtures.count(server, "patients");
        assertThat(http.post("/user", Fixtures.W, Map.of("name", "X", "phone", "12", "date_of_birth", "1990-01-01")).field()).isEqualTo("phone");
        assertThat(http.post("/user", Fixtures.W, Map.of("name", "X", "phone", "+447700900202", "date_of_birth", "1890-01-01")).field())
                .isEqualTo("date_of_birth");
        assertThat(http.post("/user", Fixtures.W, Map.of("name", "X", "phone", "+447700900202")).field()).isEqualTo("date_of_birth");
        assertThat(http.post("/user/lookup", Fixtures.W, Map.of("date_of_birth", "1990-01-01")).field()).isEqualTo("phone");
        assertThat(http.post("/user", Fixtures.W, "{\"name\": [1]}").field()).isEqualTo("name");
        assertThat(Fixtures.count(server, "patients")).isEqualTo(before);
    }

    @Test
    void otherRequestsAre201AndBadOnesChangeNothing() {
        Http.Res r = http.post("/register-other-requests", Fixtures.W, Map.of("request_type", "cancellation",
                "patient", Map.of("name", "'; DROP TABLE bookings; --", "phone", "07700900203"), "message", "cancel Friday", "reason", "caller_request",
                "call_session_id", "s1"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("request_type").asText()).isEqualTo("cancellation");
        assertThat(r.json().path("created_at").asText()).isEqualTo("2026-11-25T10:10:00Z");
        long before = Fixtures.count(server, "other_requests");
        assertThat(http.post("/register-other-requests", Fixtures.W, Map.of("request_type", "complaint", "message", "x")).field())
                .isEqualTo("request_type");
        assertThat(http.post("/register-other-requests", Fixtures.W, Map.of("message", "x")).field()).isEqualTo("request_type");
        assertThat(http.post("/register-other-requests", Fixtures.W, Map.of("request_type", "callback", "patient",
                Map.of("phone", "nope"))).field()).isEqualTo("patient.phone");
        assertThat(http.post("/register-other-requests", Fixtures.W, Map.of("request_type", "callback")).field()).isEqualTo("patient.phone");
        assertThat(Fixtures.count(server, "other_requests")).isEqualTo(before);
    }

    @Test
    void callsAreIdempotentAndSummarisedPerOutcomeDayDurationAndSentiment() {
        post("c1", "booked", "2026-11-20T09:00:00Z", 100, "positive");
        post("c2", "booked", "2026-11-20T10:00:00Z", 200, "neutral");
        post("c3", "no_slots", "2026-11-21T09:00:00Z", 300, null);
        Http.Res again = http.post("/calls", Fixtures.W, Map.of("session_id", "c1", "outcome", "hung_up", "started_at", "2026-11-20T09:00:00Z",
                "duration_seconds", 1));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asBoolean()).isFalse();
        JsonNode s = http.get("/analytics/summary?from=2026-11-20&to=2026-11-21", Fixtures.W).json();
        assertThat(s.path("total_calls").asLong()).isEqualTo(3);
        assertThat(s.path("by_outcome").path("booked").asLong()).isEqualTo(2);
        assertThat(s.path("by_outcome").path("no_slots").asLong()).isEqualTo(1);
        assertThat(s.path("by_outcome").has("hung_up")).isFalse();
        assertThat(s.path("by_day").get(0).path("date").asText()).isEqualTo("2026-11-20");
        assertThat(s.path("by_day").get(0).path("calls").asLong()).isEqualTo(2);
        assertThat(s.path("average_duration_seconds").asDouble()).isEqualTo(200.0);
        assertThat(s.path("sentiment").path("positive").asLong()).isEqualTo(1);
        assertThat(s.path("sentiment").path("unknown").asLong()).isEqualTo(1);
        assertThat(http.get("/analytics/summary?from=yesterday", Fixtures.W).field()).isEqualTo("from");
        assertThat(http.get("/analytics/summary?from=2026-11-22&to=2026-11-21", Fixtures.W).field()).isEqualTo("from");
        long calls = Fixtures.count(server, "calls");
        assertThat(http.post("/calls", Fixtures.W, Map.of("session_id", "c9", "outcome", "great", "started_at", "2026-11-20T09:00:00Z")).field())
                .isEqualTo("outcome");
        assertThat(http.post("/calls", Fixtures.W, Map.of("outcome", "booked", "started_at", "2026-11-20T09:00:00Z",
                "duration_seconds", 5)).field())
                .isEqualTo("session_id");
        assertThat(http.post("/calls", Fixtures.W, Map.of("session_id", "c9", "outcome", "booked", "started_at", "noon")).field())
                .isEqualTo("started_at");
        assertThat(Fixtures.count(server, "calls")).isEqualTo(calls);
    }

    @Test
    void purgingCallsDeletesOnlyTheTokensClinicsCallsBeforeTheInstantAndBadInputChangesNothing() {
        post("r-old", "booked", "2026-10-01T09:00:00Z", 60, "positive");
        post("r-edge", "booked", "2026-10-15T00:00:00Z", 60, null);
        post("r-new", "enquiry_only", "2026-10-20T09:00:00Z", 60, null);
        Map<String, Object> other = Map.of("session_id", "r-d2-old", "outcome", "booked", "started_at", "2026-10-01T09:00:00Z",
                "duration_seconds", 60);
        assertThat(http.post("/calls", Fixtures.D2, other).status()).isEqualTo(201);
        long calls = Fixtures.count(server, "calls");

        assertThat(http.send("DELETE", "/calls", Fixtures.W, null, null).field()).isEqualTo("before");
        assertThat(http.send("DELETE", "/calls?before=last-week", Fixtures.W, null, null).field()).isEqualTo("before");
        assertThat(http.send("DELETE", "/calls?before=2026-10-15", Fixtures.W, null, null).field()).isEqualTo("before");
        Http.Res future = http.send("DELETE", "/calls?before=2026-12-01T00:00:00Z", Fixtures.W, null, null);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("future");
        assertThat(http.send("DELETE", "/calls?before=2026-10-15T00:00:00Z", Fixtures.ADMIN, null, null).status()).isEqualTo(403);
        assertThat(http.send("DELETE", "/calls?before=2026-10-15T00:00:00Z", null, null, null).status()).isEqualTo(401);
        assertThat(Fixtures.count(server, "calls")).isEqualTo(calls);

        Http.Res r = http.send("DELETE", "/calls?before=2026-10-15T01:00:00%2B01:00", Fixtures.W, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("deleted").asInt()).isEqualTo(1);                 // r-old; r-edge is not before the instant
        assertThat(r.json().path("before").asText()).isEqualTo("2026-10-15T00:00:00Z");
        assertThat(Fixtures.count(server, "calls")).isEqualTo(calls - 1);
        JsonNode w = http.get("/analytics/summary?from=2026-10-01&to=2026-10-31", Fixtures.W).json();
        assertThat(w.path("total_calls").asLong()).isEqualTo(2);
        JsonNode d2 = http.get("/analytics/summary?from=2026-10-01&to=2026-10-31", Fixtures.D2).json();
        assertThat(d2.path("total_calls").asLong()).isEqualTo(1);                 // another clinic's old call stays
        assertThat(http.send("DELETE", "/calls?before=2026-10-15T00:00:00Z", Fixtures.W, null, null).json().path("deleted").asInt())
                .isZero();
    }

    private static void post(String id, String outcome, String started, double seconds, String sentiment) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("session_id", id, "channel", "chat", "outcome", outcome,
                "started_at", started, "duration_seconds", seconds));
        if (sentiment != null) {
            m.put("sentiment", Map.of("label", sentiment, "score", 0.5, "reason", "r"));
        }
        assertThat(http.post("/calls", Fixtures.W, m).status()).isEqualTo(201);
    }
}
