package dev.vocadent.backend;

import java.util.List;

/** Read-only looks into a running backend's database, for tests in other modules (e.g. an end-to-end call). */
public final class BackendRows {
    /** One booking as stored: who it is for and which call made it. */
    public record Booking(String clinicId, String slotId, String patientPhone, String callSessionId) {}

    /** One call record as post-call processing stored it. */
    public record Call(String sessionId, String channel, String outcome) {}

    private BackendRows() {}

    /** Every call record of a clinic. */
    public static List<Call> calls(BackendServer server, String clinicId) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT session_id, channel, outcome FROM calls WHERE clinic_id = :clinic ORDER BY created_at")
                .bind("clinic", clinicId)
                .map((rs, ctx) -> new Call(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    /** Every booking of a clinic with its patient's phone number. */
    public static List<Booking> bookings(BackendServer server, String clinicId) {
        return server.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT b.clinic_id, b.slot_id, p.phone, b.call_session_id
                        FROM bookings b JOIN patients p ON p.patient_id = b.patient_id
                        WHERE b.clinic_id = :clinic ORDER BY b.created_at""")
                .bind("clinic", clinicId)
                .map((rs, ctx) -> new Booking(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }
}
