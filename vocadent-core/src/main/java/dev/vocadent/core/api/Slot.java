package dev.vocadent.core.api;

import java.time.OffsetDateTime;

/**
 * A free appointment slot.
 *
 * @param slotId           opaque id to book it with
 * @param doctorId         the clinician
 * @param doctorName       as said to callers
 * @param start            start, with the practice's UTC offset
 * @param end              end, with the practice's UTC offset
 * @param dayLabel         how a person says it, e.g. "Tuesday 3 March at 2:30pm"
 * @param consultationType the consultation type it was searched for
 */
public record Slot(
        String slotId,
        String doctorId,
        String doctorName,
        OffsetDateTime start,
        OffsetDateTime end,
        String dayLabel,
        String consultationType) {}
