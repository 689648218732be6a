package dev.vocadent.providers.local.brain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import dev.vocadent.providers.local.brain.eval.CallUnderTest.ToolCall;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 18 tools, reduced to their contract (COMMON.md) over a CallState and a {@link FakeDiary}: same
 * names, same argument names, same validation (state unchanged on refusal), same outcomes.
 */
final class FakeToolbox implements Toolbox {
    record KnownPatient(String name, LocalDate dob, String phone) {}

    private final CallState state;
    private final Clock clock;
    final FakeDiary diary;
    final List<ToolCall> calls = new ArrayList<>();
    /** Tool calls and spoken text in the order they happened ("tool:end_call", "say:…"). */
    final List<String> events = new ArrayList<>();
    final List<Booking> bookings = new ArrayList<>();
    final List<OtherRequest> requests = new ArrayList<>();
    final List<KnownPatient> patients = new ArrayList<>();
    boolean takeNextBooking;
    boolean transferWorks = true;
    boolean ended;

    FakeToolbox(CallState state, Clock clock) {
        this.state = state;
        this.clock = clock;
        this.diary = new FakeDiary(state.customerContext(), clock);
    }

    @Override
    public List<ToolSpec> specs() {
        return List.of();
    }

    @Override
    public ToolResult call(String name, JsonNode a, String toolCallId) {
        ToolResult r;
        try {
            r = run(name, a);
        } catch (IllegalArgumentException e) {
            r = ToolResult.error(e.getMessage());
        }
        calls.add(new ToolCall(name, a.deepCopy(), r));
        events.add("tool:" + name);
        return r;
    }

    private ToolResult run(String name, JsonNode a) {
        return switch (name) {
            case "update_name" -> {
                String n = need(a, "name");
                state.name(n.strip());
                yield ToolResult.ok("Name saved.");
            }
            case "update_phone_number" -> {
                String p = need(a, "phone_number").replaceAll("[\\s()-]", "");
                if (p.matches("0\\d{10}")) {
                    p = "+44" + p.substring(1);
                }
                if (!p.matches("\\+[1-9]\\d{6,14}")) {
                    yield ToolResult.error("Not a phone number.");
                }
                state.patientPhone(p);
                yield ToolResult.ok("Phone saved.");
            }
            case "update_patient_dob" -> {
                LocalDate d = LocalDate.parse(need(a, "date_of_birth"));
                LocalDate today = today();
                if (!d.isBefore(today) || d.isBefore(today.minusYears(120))) {
                    yield ToolResult.error("The date of birth must be a real past date.");
                }
                state.dateOfBirth(d);
                yield ToolResult.ok("Date of birth saved.");
            }
            case "update_patient_type" -> {
                state.patientType(PatientType.parse(need(a, "patient_type")));
                yield ToolResult.ok("Saved.");
            }
            case "update_patient_relationship" -> {
                state.relationship(Relationship.parse(need(a, "relationship")));
                yield ToolResult.ok("Saved.");
            }
            case "update_booking_type" -> {
                BookingType t = BookingType.parse(need(a, "booking_type"));
                if (state.consultationType() != null && !state.customerContext().offers(state.consultationType(), t)) {
                    yield ToolResult.error("Not offered for " + state.consultationType() + ".");
                }
                state.bookingType(t);
                yield ToolResult.ok("Saved.");
            }
            case "update_consultation_type" -> {
                String said = need(a, "consultation_type").toLowerCase(Locale.ROOT);
                Optional<Map.Entry<String, ConsultationType>> hit = state.customerContext().consultationTypes().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(said) || e.getValue().synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(said)))
                        .findFirst();
                if (hit.isEmpty()) {
                    yield ToolResult.error("Unknown consultation type.");
                }
                state.consultationType(hit.get().getKey());
                state.serviceId(hit.get().getValue().serviceId());
                yield ToolResult.ok("Saved.");
            }
            case "update_preferred_doctor_with_name_and_id" -> {
                String id = need(a, "doctor_id");
                if (!id.equals(CallState.ANY_PROVIDER) && state.customerContext().doctor(id).isEmpty()) {
                    yield ToolResult.error("Unknown doctor.");
                }
                state.preferredDoctorId(id);
                state.preferredDoctorName(a.path("doctor_name").asText(id));
                yield ToolResult.ok("Saved.");
            }
            case "get_appointment_availability" -> {
                if (state.consultationType() == null || state.bookingType() == null) {
                    yield ToolResult.error("Set the consultation type and booking type first.");
                }
                LocalDate from = a.hasNonNull("from_date") ? LocalDate.parse(a.get("from_date").asText()) : today();
                LocalDate to = a.hasNonNull("to_date") ? LocalDate.parse(a.get("to_date").asText()) : today().plusDays(13);
                PartOfDay part = a.hasNonNull("part_of_day") ? PartOfDay.parse(a.get("part_of_day").asText()) : PartOfDay.ANY;
                List<Slot> slots = diary.free(state.consultationType(), state.preferredDoctorId(), from, to, part);
                state.lastOfferedSlots(slots.subList(0, Math.min(10, slots.size())));
                yield ToolResult.ok(slots.isEmpty() ? "No slots." : slots.size() + " slots.", Json.mapper().valueToTree(Map.of("slots", state.lastOfferedSlots())));
            }
            case "update_slot_id_and_slot_day_and_timing" -> {
                String id = need(a, "slot_id");
                if (state.lastOfferedSlots().stream().noneMatch(s -> s.slotId().equals(id))) {
                    yield ToolResult.error("That slot was not offered.");
                }
                state.slotId(id);
                state.slotDayAndTiming(need(a, "slot_day_and_timing"));
                yield ToolResult.ok("Slot chosen.");
            }
            case "book_appointment" -> book();
            case "get_patient_type" -> {
                if (state.patientPhone() == null || state.dateOfBirth() == null) {
                    yield ToolResult.error("Need phone and date of birth first.");
                }
                boolean known = patients.stream().anyMatch(p -> p.phone().equals(state.patientPhone()) && p.dob().equals(state.dateOfBirth()));
                state.patientType(known ? PatientType.EXISTING : PatientType.NEW);
                yield ToolResult.ok(known ? "Existing patient." : "New patient.");
            }
            case "get_consultation_type" -> ToolResult.ok(String.join(", ", state.customerContext().consultationTypes().keySet()));
            case "get_current_date_and_time_in_uk" -> ToolResult.ok(clock.instant().atZone(ZoneId.of("Europe/London")).toString());
            case "handle_callback_request_and_forward_message_to_team" -> {
                String message = need(a, "message");
                String reason = a.path("reason").asText(null);
                RequestType type = state.requestType() == null ? RequestType.CALLBACK : state.requestType();
                requests.add(new OtherRequest(type, new Patient(state.name(), state.patientPhone(), state.dateOfBirth()), message, reason, state.sessionId()));
                state.recordOutcome("no_slots".equals(reason) ? CallOutcome.NO_SLOTS : CallOutcome.CALLBACK_REQUESTED);
                yield ToolResult.ok("Registered.");
            }
            case "end_call" -> {
                String reason = a.path("reason").asText("completed");
                if (!reason.equals("completed") && !reason.equals("transfer")) {
                    yield ToolResult.error("reason must be completed or transfer");
                }
                if (reason.equals("transfer")) {
                    if (transferWorks) {
                        state.recordOutcome(CallOutcome.TRANSFERRED);
                    } else {
                        requests.add(new OtherRequest(RequestType.CALLBACK, new Patient(state.name(), state.patientPhone(), state.dateOfBirth()),
                                "Caller asked for a person; transfer failed.", "transfer_failed", state.sessionId()));
                        state.recordOutcome(CallOutcome.CALLBACK_REQUESTED);
                    }
                }
                ended = true;
                yield ToolResult.ok("Call ending.");
            }
            case "update_request_type" -> {
                state.requestType(RequestType.parse(need(a, "request_type")));
                yield ToolResult.ok("Saved.");
            }
            case "set_call_outcome" -> {
                state.recordOutcome(CallOutcome.parse(need(a, "outcome")));
                yield ToolResult.ok("Saved.");
            }
            default -> ToolResult.error("Unknown tool " + name);
        };
    }

    private ToolResult book() {
        if (state.name() == null || state.patientPhone() == null || state.dateOfBirth() == null || state.bookingType() == null
                || state.consultationType() == null || state.slotId() == null) {
            return ToolResult.error("Missing details for booking.");
        }
        Slot slot = state.lastOfferedSlots().stream().filter(s -> s.slotId().equals(state.slotId())).findFirst().orElseThrow();
        if (takeNextBooking) {
            takeNextBooking = false;
            diary.take(slot.slotId());
        }
        if (diary.isTaken(slot.slotId())) {
            List<Slot> next = diary.free(state.consultationType(), state.preferredDoctorId(), slot.start().toLocalDate(),
                    today().plusDays(13), PartOfDay.ANY);
            state.lastOfferedSlots(next.subList(0, Math.min(3, next.size())));
            state.slotId(null);
            return ToolResult.error("Sorry, that slot has just been taken. Next free: "
                    + String.join("; ", state.lastOfferedSlots().stream().map(Slot::dayLabel).toList()));
        }
        diary.take(slot.slotId());
        Booking b = new Booking("bk-" + (bookings.size() + 1), slot.slotId(), "pt-1", slot.doctorId(), slot.doctorName(), slot.start(),
                slot.end(), slot.dayLabel(), state.consultationType(), state.bookingType(), state.sessionId());
        bookings.add(b);
        state.bookingId(b.bookingId());
        state.recordOutcome(CallOutcome.BOOKED);
        return ToolResult.ok("Booked: " + slot.dayLabel() + ".");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    private static String need(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v.asText();
    }
}
