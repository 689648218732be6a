package dev.vocadent.core.api;

import java.time.OffsetDateTime;

/** A booked appointment: answer of {@code POST /book-appointment} (201). */
public record Booking(
        String bookingId,
        String slotId,
        String patientId,
        String doctorId,
        String doctorName,
        OffsetDateTime start,
        OffsetDateTime end,
        String dayLabel,
        String consultationType,
        BookingType bookingType,
        String callSessionId) {}
