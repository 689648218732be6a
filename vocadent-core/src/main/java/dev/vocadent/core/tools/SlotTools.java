package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.state.CallState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Searching free slots and choosing one. */
final class SlotTools {
    /** Slots offered per search: enough choice, short enough to read out. */
    static final int OFFER_LIMIT = 5;
    /** Longest search window, in days. */
    static final int MAX_WINDOW_DAYS = 60;

    private SlotTools() {}

    static Tool getAppointmentAvailability() {
        return new SimpleTool("get_appointment_availability",
                "Find free appointment slots for the recorded consultation type, booking type and preferred doctor. "
                        + "Offer the caller the slots it returns (by their day and time); remember their slot ids.",
                Schema.object()
                        .date("from_date", "First day to search (UK date); default today.", false)
                        .date("to_date", "Last day to search, inclusive; default 14 days after from_date.", false)
                        .enumeration("part_of_day", "morning, afternoon or any (default any).", false, PartOfDay.class)
                        .build(),
                (ctx, args) -> {
                    LocalDate from = Args.optionalDate(args, "from_date");
                    LocalDate to = Args.optionalDate(args, "to_date");
                    PartOfDay part = Args.optionalEnum(args, "part_of_day", PartOfDay.class);
                    CallState s = ctx.state();
                    List<String> missing = new ArrayList<>();
                    if (s.consultationType() == null) {
                        missing.add("consultation type (update_consultation_type)");
                    }
                    if (s.bookingType() == null) {
                        missing.add("booking type nhs/private (update_booking_type)");
                    }
                    if (!missing.isEmpty()) {
                        throw new ToolArgumentException("Cannot search yet; still needed: " + String.join(", ", missing) + ".");
                    }
                    LocalDate today = LocalDate.now(ctx.clock().withZone(ZoneId.of(s.customerContext().customer().timezone())));
                    if (from != null && from.isBefore(today)) {
                        throw new ToolArgumentException("from_date " + from + " is in the past; today is " + today + ".");
                    }
                    LocalDate start = from == null ? today : from;
                    if (to != null && to.isBefore(start)) {
                        throw new ToolArgumentException("to_date " + to + " is before from_date " + start + ".");
                    }
                    if (to != null && to.isAfter(start.plusDays(MAX_WINDOW_DAYS))) {
                        throw new ToolArgumentException("Search at most " + MAX_WINDOW_DAYS + " days at a time.");
                    }
                    AvailabilityRequest query = new AvailabilityRequest(s.consultationType(), s.serviceId(), s.bookingType(),
                            s.preferredDoctorId(), start, to == null ? start.plusDays(14) : to,
                            part == null ? PartOfDay.ANY : part, OFFER_LIMIT);
                    return search(ctx, query, null);
                });
    }

    /** Runs a search, remembers what it offered, and describes it; {@code exclude} is a slot to leave out. */
    static ToolResult search(ToolContext ctx, AvailabilityRequest query, String exclude) {
        AvailabilityResponse r = ctx.backend().checkAvailability(query);
        List<Slot> slots = r.slots().stream().filter(x -> !x.slotId().equals(exclude)).limit(OFFER_LIMIT).toList();
        CallState s = ctx.state();
        s.lastAvailabilityQuery(query);
        s.lastOfferedSlots(slots);
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode arr = data.putArray("slots");
        for (Slot slot : slots) {
            ObjectNode o = arr.addObject();
            o.put("slot_id", slot.slotId());
            o.put("slot_day_and_timing", slot.dayLabel());
            o.put("doctor_name", slot.doctorName());
            o.put("doctor_id", slot.doctorId());
            o.put("start", slot.start().toString());
        }
        if (slots.isEmpty()) {
            return ToolResult.ok("No free " + s.consultationType() + " slots between " + query.fromDate() + " and "
                    + query.toDate() + (query.partOfDay() == PartOfDay.ANY ? "" : " (" + query.partOfDay().wireName() + ")")
                    + ". Offer another time range, or a callback from the team "
                    + "(handle_callback_request_and_forward_message_to_team with reason no_slots).", data);
        }
        StringBuilder msg = new StringBuilder("Free slots: ");
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            msg.append(i == 0 ? "" : "; ").append(slot.dayLabel()).append(" with ").append(slot.doctorName())
                    .append(" [slot_id ").append(slot.slotId()).append(']');
        }
        msg.append(". Offer one or two of these; when the caller chooses, record it with "
                + "update_slot_id_and_slot_day_and_timing.");
        return ToolResult.ok(msg.toString(), data);
    }

    static Tool updateSlot() {
        return new SimpleTool("update_slot_id_and_slot_day_and_timing",
                "Record the slot the caller chose, from the slots the last availability search offered.",
                Schema.object()
                        .string("slot_id", "The chosen slot's slot_id, exactly as the availability search gave it.", true)
                        .string("slot_day_and_timing", "The chosen slot's day and time, e.g. 'Tuesday 3 March at 2:30pm'.", true)
                        .build(),
                (ctx, args) -> {
                    String slotId = Args.text(args, "slot_id");
                    Args.optionalText(args, "slot_day_and_timing");
                    CallState s = ctx.state();
                    if (s.lastOfferedSlots().isEmpty()) {
                        throw new ToolArgumentException("No slots have been offered yet; search with "
                                + "get_appointment_availability first.");
                    }
                    Slot slot = s.lastOfferedSlots().stream().filter(x -> x.slotId().equals(slotId)).findFirst()
                            .orElseThrow(() -> new ToolArgumentException("Slot '" + slotId
                                    + "' was not offered by the last availability search. Offered: "
                                    + String.join(", ", s.lastOfferedSlots().stream()
                                    .map(x -> x.slotId() + " (" + x.dayLabel() + ")").toList()) + "."));
                    s.slotId(slot.slotId());
                    s.slotDayAndTiming(slot.dayLabel());
                    return ToolResult.ok("Slot recorded: " + slot.dayLabel() + " with " + slot.doctorName()
                            + ". Confirm the details with the caller, then book_appointment.");
                });
    }
}
