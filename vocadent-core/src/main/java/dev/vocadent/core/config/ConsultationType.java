package dev.vocadent.core.config;

import dev.vocadent.core.api.BookingType;
import java.util.List;
import java.util.Set;

/**
 * One kind of appointment the practice offers.
 *
 * @param serviceId       the backend's service id
 * @param durationMinutes how long the appointment takes
 * @param bookingTypes    whether it can be booked on the NHS, privately, or both
 * @param price           price text as the practice wants it said, e.g. "£55 private, NHS band 1"
 * @param synonyms        other words callers use for it ("check up", "examination")
 */
public record ConsultationType(
        String serviceId,
        int durationMinutes,
        Set<BookingType> bookingTypes,
        String price,
        List<String> synonyms) {

    public ConsultationType {
        bookingTypes = bookingTypes == null ? Set.of() : Set.copyOf(bookingTypes);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
