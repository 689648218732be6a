package dev.vocadent.core.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 18 seed tools, in the seed's order. Tools are stateless: one set serves every call. */
public final class Tools {
    private static final List<Tool> ALL = List.of(
            PatientTools.updateName(),
            PatientTools.updatePhoneNumber(),
            PatientTools.updatePatientDob(),
            PatientTools.updatePatientType(),
            PatientTools.updatePatientRelationship(),
            AppointmentTools.updateBookingType(),
            AppointmentTools.updateConsultationType(),
            AppointmentTools.updatePreferredDoctor(),
            SlotTools.getAppointmentAvailability(),
            SlotTools.updateSlot(),
            BookAppointmentTool.create(),
            PatientTools.getPatientType(),
            AppointmentTools.getConsultationType(),
            CallTools.getCurrentDateAndTimeInUk(),
            CallTools.handleCallbackRequest(),
            CallTools.endCall(),
            CallTools.updateRequestType(),
            CallTools.setCallOutcome());

    private static final Map<String, Tool> BY_NAME;

    static {
        Map<String, Tool> m = new LinkedHashMap<>();
        for (Tool t : ALL) {
            m.put(t.spec().name(), t);
        }
        BY_NAME = Map.copyOf(m);
    }

    private Tools() {}

    /** All 18 tools. */
    public static List<Tool> all() {
        return ALL;
    }

    /** A tool by its seed name, or null. */
    public static Tool byName(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** The names of the still-missing booking fields (empty when book_appointment can run). */
    public static List<String> missingForBooking(dev.vocadent.core.state.CallState state) {
        return BookAppointmentTool.missing(state);
    }
}
