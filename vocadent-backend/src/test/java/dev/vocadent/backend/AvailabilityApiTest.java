package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.vocadent.backend.TestDatabases#targets")
class AvailabilityApiTest {
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

    static List<JsonNode> slots(Map<String, Object> req) {
        Http.Res r = http.post("/check-availability", Fixtures.W, req);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("slots").forEach(out::add);
        return out;
    }

    @Test
    void todayStartsAfterTheClockAndSlotsFollowTheGridAndOpeningHours() {
        List<JsonNode> today = slots(Fixtures.availability("check-up", "nhs", "wb-dr-patel", "2026-11-25", "2026-11-25"));
        assertThat(today).isNotEmpty();
        assertThat(today.getFirst().path("start").asText()).isEqualTo("2026-11-25T10:15:00Z");
        assertThat(today.getLast().path("end").asText()).isEqualTo("2026-11-25T17:30:00Z");
        assertThat(today).hasSize(28); // 10:15 … 17:00 every 15 minutes
        assertThat(today.getFirst().path("day_label").asText()).isEqualTo("Wednesday 25 November at 10:15am");
        assertThat(today.getFirst().path("doctor_name").asText()).isEqualTo("Dr Sarah Patel");
    }

    @Test
    void closedOnSundayAndSaturdayEndsAt13() {
        assertThat(slots(Fixtures.availability("check-up", "nhs", "wb-dr-patel", "2026-11-29", "2026-11-29"))).isEmpty();
        List<JsonNode> sat = slots(Fixtures.availability("check-up", "nhs", "wb-dr-patel", "2026-11-28", "2026-11-28"));
        assertThat(sat.getLast().path("end").asText()).isEqualTo("2026-11-28T13:00:00Z");
        for (JsonNode s : slots(Fixtures.availability("check-up", "private", null, "2026-11-26", "2026-12-20"))) {
            OffsetDateTime start = OffsetDateTime.parse(s.path("start").asText());
            assertThat(start.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
            assertThat(start.toLocalDate()).isBefore(java.time.LocalDate.parse("2026-12-09"));
        }
    }

    @Test
    void anyProviderMixesDoctorsAndPartOfDayFilters() {
        List<JsonNode> any = slots(Fixtures.availability("check-up", "nhs", "ANY-PROVIDER", "2026-11-26", "2026-11-26"));
        assertThat(any).extracting(s -> s.path("doctor_id").asText()).contains("wb-dr-patel", "wb-dr-okafor");
        Map<String, Object> afternoon = Fixtures.availability("check-up", "nhs", null, "2026-11-26", "2026-11-26");
        afternoon.put("part_of_day", "afternoon");
        assertThat(slots(afternoon)).allSatisfy(s -> assertThat(OffsetDateTime.parse(s.path("start").asText()).getHour()).isGreaterThanOrEqualTo(12));
        Map<String, Object> morning = Fixtures.availability("check-up", "nhs", null, "2026-11-26", "2026-11-26");
        morning.put("part_of_day", "morning");
        assertThat(slots(morning)).isNotEmpty().allSatisfy(s -> assertThat(OffsetDateTime.parse(s.path("start").asText()).getHour()).isLessThan(12));
        // whitening: only Dr Patel does it
        assertThat(slots(Fixtures.availability("whitening", "private", null, "2026-11-26", "2026-11-26")))
                .extracting(s -> s.path("doctor_id").asText()).containsOnly("wb-dr-patel");
    }

    @Test
    void serviceIdWorksLikeTheTypeName() {
        Map<String, Object> byService = new java.util.HashMap<>(Map.of("service_id", "wb-emergency", "booking_type", "private",
                "from_date", "2026-11-26", "to_date", "2026-11-26", "limit", 3));
        List<JsonNode> s = slots(byService);
        assertThat(s).hasSize(3);
        assertThat(s.getFirst().path("consultation_type").asText()).isEqualTo("emergency appointment");
        assertThat(s.getFirst().path("end").asText()).isEqualTo("2026-11-26T09:20:00Z");
    }

    @Test
    void whatTheClinicDoesNotOfferIs400NamingTheField() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"consultation_type\":\"root canal\",\"booking_type\":\"nhs\"}", "consultation_type");
        cases.put("{\"booking_type\":\"nhs\"}", "consultation_type");
        cases.put("{\"service_id\":\"nope\",\"booking_type\":\"nhs\"}", "service_id");
        cases.put("{\"consultation_type\":\"hygiene appointment\",\"booking_type\":\"nhs\"}", "booking_type");
        cases.put("{\"consultation_type\":\"check-up\"}", "booking_type");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"barter\"}", "booking_type");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"preferred_doctor_id\":\"dr-who\"}", "preferred_doctor_id");
        cases.put("{\"consultation_type\":\"whitening consultation\",\"booking_type\":\"private\",\"preferred_doctor_id\":\"wb-dr-okafor\"}", "preferred_doctor_id");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"from_date\":\"tomorrow\"}", "from_date");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"from_date\":\"2026-12-05\",\"to_date\":\"2026-12-01\"}", "to_date");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"part_of_day\":\"evening\"}", "part_of_day");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"limit\":0}", "limit");
        cases.put("{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"limit\":\"many\"}", "limit");
        cases.put("not json", "$");
        cases.put("", "$");
        for (var c : cases.entrySet()) {
            Http.Res r = http.post("/check-availability", Fixtures.W, c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.field()).as(c.getKey()).isEqualTo(c.getValue());
        }
    }
}
