package dev.vocadent.core.api;

import java.time.LocalDate;

/**
 * {@code POST /check-availability}. Give the consultation type by name or by service id.
 *
 * @param consultationType  e.g. "check-up"; or null when serviceId is given
 * @param serviceId         the backend's service id; or null when consultationType is given
 * @param bookingType       NHS or private
 * @param preferredDoctorId a doctor id, or {@link #ANY_PROVIDER} / null for any
 * @param fromDate          first day to search (practice local date); null → today
 * @param toDate            last day to search, inclusive; null → 14 days after fromDate
 * @param partOfDay         morning / afternoon / any; null → any
 * @param limit             most slots to return; null → 10
 */
public record AvailabilityRequest(
        String consultationType,
        String serviceId,
        BookingType bookingType,
        String preferredDoctorId,
        LocalDate fromDate,
        LocalDate toDate,
        PartOfDay partOfDay,
        Integer limit) {
    public static final String ANY_PROVIDER = "ANY-PROVIDER";
}
