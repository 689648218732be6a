package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** book_appointment: books the chosen slot once (idempotency key per call and slot); 409 → offers the next slots. */
final class BookAppointmentTool {
    private static final Logger log = LoggerFactory.getLogger(BookAppointmentTool.class);

    private BookAppointmentTool() {}

    static Tool create() {
        return new SimpleTool("book_appointment",
                "Book the chosen slot for the patient. Needs name, phone number, date of birth, booking type, "
                        + "consultation type and a chosen slot. Only tell the caller it is booked if this succeeds.",
                Schema.object().build(),
                (ctx, args) -> book(ctx));
    }

    static List<String> missing(CallState s) {
        List<String> missing = new ArrayList<>();
        if (s.name() == null) {
            missing.add("name (update_name)");
        }
        if (s.patientPhone() == null) {
            missing.add("phone number (update_phone_number)");
        }
        if (s.dateOfBirth() == null) {
            missing.add("date of birth (update_patient_dob)");
        }
        if (s.bookingType() == null) {
            missing.add("booking type (update_booking_type)");
        }
        if (s.consultationType() == null) {
            missing.add("consultation type (update_consultation_type)");
        }
        if (s.slotId() == null) {
            missing.add("chosen slot (update_slot_id_and_slot_day_and_timing)");
        }
        return missing;
    }

    private static ToolResult book(ToolContext ctx) {
        CallState s = ctx.state();
        List<String> missing = missing(s);
        if (!missing.isEmpty()) {
            throw new ToolArgumentException("Cannot book yet; still needed: " + String.join(", ", missing) + ".");
        }
        String slotId = s.slotId();
        BookingRequest request = new BookingRequest(slotId, new Patient(s.name(), s.patientPhone(), s.dateOfBirth()),
                s.bookingType(), s.consultationType(), s.patientType(),
                s.relationship() == null ? Relationship.SELF : s.relationship(), s.sessionId());
        String key = IdempotencyKeys.booking(s.sessionId(), slotId);
        Booking booking;
        try {
            booking = ctx.backend().bookAppointment(request, key);
        } catch (BackendException e) {
            if (e.isConflict()) {
                return slotTaken(ctx, slotId);
            }
            log.warn("booking failed for session {}: status {}", s.sessionId(), e.status());
            return ToolResult.error("The booking did NOT go through (" + (e.status() == 0 ? "the practice system is "
                    + "unreachable" : "the practice system answered " + e.status()) + "). Do not say it is booked. "
                    + (e.isRetryable() ? "You may try book_appointment once more; if it fails again, offer " : "Offer ")
                    + "a callback from the team instead.");
        }
        s.bookingId(booking.bookingId());
        if (booking.patientId() != null) {
            s.patientId(booking.patientId());
        }
        s.recordOutcome(CallOutcome.BOOKED);
        ObjectNode data = Json.mapper().valueToTree(booking);
        String when = booking.dayLabel() != null ? booking.dayLabel() : s.slotDayAndTiming();
        return ToolResult.ok("Booked: " + booking.consultationType() + " on " + when
                + (booking.doctorName() == null ? "" : " with " + booking.doctorName()) + " for " + s.name()
                + " (booking reference " + booking.bookingId() + ").", data);
    }

    /** 409: somebody else took the slot. Say so and offer the next free ones (the search is re-run). */
    private static ToolResult slotTaken(ToolContext ctx, String slotId) {
        CallState s = ctx.state();
        String said = s.slotDayAndTiming();
        s.slotId(null);
        s.slotDayAndTiming(null);
        AvailabilityRequest query = s.lastAvailabilityQuery();
        if (query == null) {
            LocalDate today = LocalDate.now(ctx.clock().withZone(ZoneId.of(s.customerContext().customer().timezone())));
            query = new AvailabilityRequest(s.consultationType(), s.serviceId(), s.bookingType(), s.preferredDoctorId(),
                    today, today.plusDays(14), PartOfDay.ANY, SlotTools.OFFER_LIMIT);
        }
        String prefix = "That slot (" + said + ") was just taken by someone else, so it is NOT booked. ";
        ToolResult again;
        try {
            again = SlotTools.search(ctx, query, slotId);
        } catch (BackendException e) {
            s.lastOfferedSlots(s.lastOfferedSlots().stream().filter(x -> !x.slotId().equals(slotId)).toList());
            return new ToolResult(false, prefix + "The practice system could not list other slots just now; "
                    + "offer another of the slots already mentioned or a callback.", null);
        }
        List<Slot> next = s.lastOfferedSlots();
        return new ToolResult(false, prefix + (next.isEmpty() ? "" : "Offer the caller the next free slots. ")
                + again.message(), again.data());
    }
}
