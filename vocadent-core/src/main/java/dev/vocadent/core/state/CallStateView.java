package dev.vocadent.core.state;

import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.outcome.CallOutcome;
import java.time.LocalDate;

/**
 * An immutable copy of a {@link CallState}'s fields (without the transcript and the clinic config),
 * for JSON output ({@code Json.write(view)} gives snake_case names) and for other threads.
 */
public record CallStateView(
        String sessionId,
        String clinicId,
        String roomName,
        String callerPhone,
        String name,
        String patientPhone,
        LocalDate dateOfBirth,
        BookingType bookingType,
        String consultationType,
        String serviceId,
        String slotId,
        String slotDayAndTiming,
        String preferredDoctorId,
        String preferredDoctorName,
        PatientType patientType,
        Relationship relationship,
        RequestType requestType,
        CallOutcome callOutcome,
        String bookingId,
        String patientId) {

    public static CallStateView of(CallState s) {
        return new CallStateView(s.sessionId(), s.clinicId(), s.roomName(), s.callerPhone(), s.name(),
                s.patientPhone(), s.dateOfBirth(), s.bookingType(), s.consultationType(), s.serviceId(), s.slotId(),
                s.slotDayAndTiming(), s.preferredDoctorId(), s.preferredDoctorName(), s.patientType(),
                s.relationship(), s.requestType(), s.callOutcome(), s.bookingId(), s.patientId());
    }
}
