package dev.vocadent.backend;

import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Lookups in a clinic's config shared by availability and booking. */
final class ClinicContext {
    private ClinicContext() {}

    /** A consultation type by name, synonym or service id. */
    static Optional<Map.Entry<String, ConsultationType>> type(ClinicConfig c, String nameOrSynonym, String serviceId) {
        if (nameOrSynonym != null && !nameOrSynonym.isBlank()) {
            Optional<Map.Entry<String, ConsultationType>> exact = c.consultationType(nameOrSynonym);
            if (exact.isPresent()) {
                return exact;
            }
            String wanted = nameOrSynonym.strip().toLowerCase(Locale.ROOT);
            return c.consultationTypes().entrySet().stream()
                    .filter(e -> e.getValue().synonyms().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(wanted)))
                    .findFirst();
        }
        if (serviceId != null && !serviceId.isBlank()) {
            return c.consultationTypes().entrySet().stream().filter(e -> e.getValue().serviceId().equals(serviceId)).findFirst();
        }
        return Optional.empty();
    }

    static void requireOffered(Map.Entry<String, ConsultationType> type, BookingType booking, String field) {
        if (booking == null) {
            throw ApiException.badRequest(field, "is required (nhs or private)");
        }
        if (!type.getValue().bookingTypes().contains(booking)) {
            throw ApiException.badRequest(field, "'" + type.getKey() + "' cannot be booked as " + booking.wireName());
        }
    }
}
