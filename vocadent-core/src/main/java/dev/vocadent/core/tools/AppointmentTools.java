package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.state.CallState;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What is to be booked: booking type, consultation type, doctor; and the clinic's consultation types. */
final class AppointmentTools {
    private AppointmentTools() {}

    static Tool updateBookingType() {
        return new SimpleTool("update_booking_type",
                "Record whether the appointment is on the NHS or private.",
                Schema.object().enumeration("booking_type", "nhs or private.", true, BookingType.class).build(),
                (ctx, args) -> {
                    BookingType t = Args.enumValue(args, "booking_type", BookingType.class);
                    CallState s = ctx.state();
                    if (s.consultationType() != null && !s.customerContext().offers(s.consultationType(), t)) {
                        throw new ToolArgumentException("A " + s.consultationType() + " cannot be booked as "
                                + t.wireName() + "; it is offered as: " + offered(s.customerContext(), s.consultationType()) + ".");
                    }
                    if (t != s.bookingType()) {
                        s.bookingType(t);
                        forgetSlots(s);
                    }
                    return ToolResult.ok("Booking type recorded: " + t.wireName() + ".");
                });
    }

    static Tool updateConsultationType() {
        return new SimpleTool("update_consultation_type",
                "Record the kind of appointment the caller wants (a consultation type of this practice, or a synonym).",
                Schema.object().string("consultation_type",
                        "The consultation type, e.g. 'check-up' or a word the caller used for it.", true).build(),
                (ctx, args) -> {
                    String said = Args.text(args, "consultation_type");
                    CallState s = ctx.state();
                    ClinicConfig clinic = s.customerContext();
                    Map.Entry<String, ConsultationType> e = ConsultationTypes.find(clinic, said)
                            .orElseThrow(() -> new ToolArgumentException("'" + said
                                    + "' is not a consultation type of this practice. The practice offers: "
                                    + String.join(", ", new TreeMap<>(clinic.consultationTypes()).keySet()) + "."));
                    String name = e.getKey();
                    ConsultationType type = e.getValue();
                    StringBuilder msg = new StringBuilder("Consultation type recorded: " + name + " ("
                            + type.durationMinutes() + " minutes; " + offered(clinic, name) + "; " + type.price() + ").");
                    BookingType booking = s.bookingType();
                    if (type.bookingTypes().size() == 1) {
                        BookingType only = type.bookingTypes().iterator().next();
                        if (booking != only) {
                            msg.append(" It is only offered as ").append(only.wireName())
                                    .append(", so the booking type is now ").append(only.wireName()).append('.');
                        }
                        booking = only;
                    } else if (booking != null && !type.bookingTypes().contains(booking)) {
                        booking = null;
                        msg.append(" The booking type was cleared; ask NHS or private.");
                    }
                    String doctorId = s.preferredDoctorId();
                    if (!CallState.ANY_PROVIDER.equals(doctorId) && clinic.doctor(doctorId)
                            .map(d -> !d.consultationTypes().contains(name)).orElse(true)) {
                        msg.append(" ").append(s.preferredDoctorName()).append(" does not do this, so any doctor will be searched.");
                        doctorId = CallState.ANY_PROVIDER;
                    }
                    boolean changed = !name.equals(s.consultationType()) || booking != s.bookingType()
                            || !doctorId.equals(s.preferredDoctorId());
                    s.consultationType(name);
                    s.serviceId(type.serviceId());
                    s.bookingType(booking);
                    if (!doctorId.equals(s.preferredDoctorId())) {
                        s.preferredDoctorId(CallState.ANY_PROVIDER);
                        s.preferredDoctorName(CallState.ANY_PROVIDER);
                    }
                    if (changed) {
                        forgetSlots(s);
                    }
                    return ToolResult.ok(msg.toString());
                });
    }

    static Tool updatePreferredDoctor() {
        return new SimpleTool("update_preferred_doctor_with_name_and_id",
                "Record the doctor the caller prefers, by the id in the practice's doctor list; use doctor_id "
                        + "ANY-PROVIDER when any doctor is fine.",
                Schema.object()
                        .string("doctor_name", "The doctor's name as in the practice's list, e.g. 'Dr Sarah Patel'.", true)
                        .string("doctor_id", "The doctor's id from the practice's list, or ANY-PROVIDER.", true)
                        .build(),
                (ctx, args) -> {
                    String id = Args.text(args, "doctor_id");
                    Args.optionalText(args, "doctor_name");
                    CallState s = ctx.state();
                    ClinicConfig clinic = s.customerContext();
                    String name;
                    if (CallState.ANY_PROVIDER.equalsIgnoreCase(id)) {
                        id = CallState.ANY_PROVIDER;
                        name = CallState.ANY_PROVIDER;
                    } else {
                        String wanted = id;
                        Doctor d = clinic.doctor(wanted).orElseThrow(() -> new ToolArgumentException("'" + wanted
                                + "' is not a doctor id of this practice. Doctors: " + doctorList(clinic)
                                + "; or ANY-PROVIDER."));
                        if (s.consultationType() != null && !d.consultationTypes().contains(s.consultationType())) {
                            throw new ToolArgumentException(d.name() + " does not do " + s.consultationType()
                                    + " appointments. Doctors who do: " + clinic.doctors().stream()
                                    .filter(x -> x.consultationTypes().contains(s.consultationType()))
                                    .map(x -> x.name() + " (" + x.id() + ")").collect(Collectors.joining(", ")) + ".");
                        }
                        name = d.name();
                    }
                    if (!id.equals(s.preferredDoctorId())) {
                        s.preferredDoctorId(id);
                        s.preferredDoctorName(name);
                        forgetSlots(s);
                    }
                    return ToolResult.ok(CallState.ANY_PROVIDER.equals(id) ? "Any doctor is fine."
                            : "Preferred doctor recorded: " + name + ".");
                });
    }

    static Tool getConsultationType() {
        return new SimpleTool("get_consultation_type",
                "List the practice's consultation types (NHS/private, duration, price) and the one chosen so far.",
                Schema.object().build(),
                (ctx, args) -> {
                    CallState s = ctx.state();
                    ClinicConfig clinic = s.customerContext();
                    ObjectNode data = Json.mapper().createObjectNode();
                    ArrayNode types = data.putArray("consultation_types");
                    StringBuilder msg = new StringBuilder("The practice offers: ");
                    boolean first = true;
                    for (Map.Entry<String, ConsultationType> e : new TreeMap<>(clinic.consultationTypes()).entrySet()) {
                        ConsultationType t = e.getValue();
                        ObjectNode o = types.addObject();
                        o.put("name", e.getKey());
                        o.put("duration_minutes", t.durationMinutes());
                        ArrayNode bt = o.putArray("booking_types");
                        t.bookingTypes().stream().sorted().forEach(b -> bt.add(b.wireName()));
                        o.put("price", t.price());
                        msg.append(first ? "" : "; ").append(e.getKey()).append(" (").append(t.durationMinutes())
                                .append(" minutes, ").append(offered(clinic, e.getKey())).append(", ").append(t.price()).append(')');
                        first = false;
                    }
                    msg.append('.');
                    if (s.consultationType() != null) {
                        data.put("chosen", s.consultationType());
                        msg.append(" Chosen so far: ").append(s.consultationType()).append('.');
                    } else {
                        msg.append(" None chosen yet.");
                    }
                    return ToolResult.ok(msg.toString(), data);
                });
    }

    static String offered(ClinicConfig clinic, String consultationType) {
        return clinic.consultationType(consultationType)
                .map(e -> e.getValue().bookingTypes().stream().sorted()
                        .map(b -> b == BookingType.NHS ? "NHS" : "private").collect(Collectors.joining(" or ")))
                .orElse("not offered");
    }

    static String doctorList(ClinicConfig clinic) {
        return clinic.doctors().stream().map(d -> d.name() + " (" + d.id() + ")").collect(Collectors.joining(", "));
    }

    /** What was searched and chosen no longer matches the request: slots must be searched again. */
    static void forgetSlots(CallState s) {
        s.lastOfferedSlots(null);
        s.lastAvailabilityQuery(null);
        s.slotId(null);
        s.slotDayAndTiming(null);
    }
}
