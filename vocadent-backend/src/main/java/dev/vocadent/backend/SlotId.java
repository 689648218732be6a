package dev.vocadent.backend;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A slot id: {@code <doctor id>@<local start yyyyMMdd'T'HHmm>@<service id>}, e.g.
 * {@code wb-dr-patel@20261126T0930@wb-checkup}. Readable, so a person (or a language model) can read it back.
 */
record SlotId(String doctorId, LocalDateTime start, String serviceId) {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final int STAMP = 13;

    String value() {
        return doctorId + "@" + FORMAT.format(start) + "@" + serviceId;
    }

    static Optional<SlotId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int first = raw.indexOf('@');
        if (first <= 0 || raw.length() < first + 1 + STAMP + 2 || raw.charAt(first + 1 + STAMP) != '@') {
            return Optional.empty();
        }
        String doctor = raw.substring(0, first);
        String service = raw.substring(first + STAMP + 2);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SlotId(doctor, LocalDateTime.parse(raw.substring(first + 1, first + 1 + STAMP), FORMAT), service));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
