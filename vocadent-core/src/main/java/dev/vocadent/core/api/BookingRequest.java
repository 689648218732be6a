package dev.vocadent.core.api;

/**
 * {@code POST /book-appointment} (send an {@code Idempotency-Key} header).
 *
 * @param slotId           a slot id from check-availability
 * @param patient          name, phone and date of birth, all required
 * @param bookingType      NHS or private
 * @param consultationType consultation type name
 * @param patientType      new or existing patient
 * @param relationship     self or dependent
 * @param callSessionId    the call that made the booking
 */
public record BookingRequest(
        String slotId,
        Patient patient,
        BookingType bookingType,
        String consultationType,
        PatientType patientType,
        Relationship relationship,
        String callSessionId) {}
