package dev.vocadent.core.config;

import java.util.List;

/**
 * The practice as callers know it.
 *
 * @param name         practice name, e.g. "Westbury Dental"
 * @param phoneNumbers the numbers (DIDs) this practice answers, E.164 (e.g. {@code +441632960001})
 * @param address      postal address, one line
 * @param openingHours opening hours per weekday; a day that is missing is closed
 * @param timezone     IANA zone of the practice (Europe/London)
 * @param parking      free text about parking and access; null → not known
 */
public record Customer(
        String name,
        List<String> phoneNumbers,
        String address,
        List<OpeningHours> openingHours,
        String timezone,
        String parking) {

    public static final String DEFAULT_TIMEZONE = "Europe/London";

    public Customer {
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        if (timezone == null || timezone.isBlank()) {
            timezone = DEFAULT_TIMEZONE;
        }
    }
}
