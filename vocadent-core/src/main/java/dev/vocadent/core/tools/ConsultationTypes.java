package dev.vocadent.core.tools;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds a clinic's consultation type by its name or one of its synonyms, as callers say them. */
public final class ConsultationTypes {
    private ConsultationTypes() {}

    /** The canonical entry for a name or synonym ("check up", "Check-Up", "examination"), ignoring case and punctuation. */
    public static Optional<Map.Entry<String, ConsultationType>> find(ClinicConfig clinic, String said) {
        if (said == null || said.isBlank()) {
            return Optional.empty();
        }
        String wanted = norm(said);
        for (Map.Entry<String, ConsultationType> e : clinic.consultationTypes().entrySet()) {
            if (norm(e.getKey()).equals(wanted)) {
                return Optional.of(e);
            }
        }
        for (Map.Entry<String, ConsultationType> e : clinic.consultationTypes().entrySet()) {
            for (String syn : e.getValue().synonyms()) {
                if (norm(syn).equals(wanted)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
