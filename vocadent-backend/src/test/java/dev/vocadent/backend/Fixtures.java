package dev.vocadent.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Shared test data: the fixed clock (Wednesday 25 November 2026, 10:10 UK time) and request bodies. */
final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:10:00Z"), ZoneOffset.UTC);
    static final String W = "demo-westbury-token";
    static final String D2 = "demo-dental2-token";
    static final String ADMIN = "test-admin-token";

    private Fixtures() {}

    static Map<String, Object> availability(String type, String booking, String doctor, String from, String to) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("consultation_type", type);
        m.put("booking_type", booking);
        if (doctor != null) {
            m.put("preferred_doctor_id", doctor);
        }
        if (from != null) {
            m.put("from_date", from);
        }
        if (to != null) {
            m.put("to_date", to);
        }
        m.put("limit", 100);
        return m;
    }

    static Map<String, Object> booking(String slotId, String name, String phone, String dob) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("slot_id", slotId);
        m.put("patient", Map.of("name", name, "phone", phone, "date_of_birth", dob));
        m.put("booking_type", "nhs");
        m.put("consultation_type", "check-up");
        m.put("patient_type", "new");
        m.put("relationship", "self");
        m.put("call_session_id", "sess-" + name.hashCode());
        return m;
    }

    /** The first free westbury NHS check-up slot of Dr Okafor on the given day. */
    static JsonNode firstSlot(Http http, String day) {
        Http.Res r = http.post("/check-availability", W, availability("check-up", "nhs", "wb-dr-okafor", day, day));
        if (r.status() != 200 || r.json().path("slots").isEmpty()) {
            throw new IllegalStateException("no slot on " + day + ": " + r.status() + " " + r.body());
        }
        return r.json().path("slots").get(0);
    }

    static long count(BackendServer server, String table) {
        return server.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
