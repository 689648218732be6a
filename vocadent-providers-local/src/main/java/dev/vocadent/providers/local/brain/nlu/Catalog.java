package dev.vocadent.providers.local.brain.nlu;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Doctor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Matches what callers say against one clinic's consultation types (names and synonyms) and doctors. */
public final class Catalog {
    /** What a caller said about a doctor. */
    public sealed interface DoctorChoice {
        record One(Doctor doctor) implements DoctorChoice {}

        record Any() implements DoctorChoice {}

        /** Several doctors fit (a shared first name) or the caller described one ("the lady doctor"). */
        record Unclear() implements DoctorChoice {}
    }

    private final ClinicConfig clinic;

    public Catalog(ClinicConfig clinic) {
        this.clinic = clinic;
    }

    /** The canonical consultation type name the text mentions (longest phrase wins). */
    public Optional<String> consultation(String t) {
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, ConsultationType> e : clinic.consultationTypes().entrySet()) {
            List<String> phrases = new ArrayList<>(e.getValue().synonyms());
            phrases.add(e.getKey());
            for (String p : phrases) {
                String n = Text.normalize(p);
                if (n.length() > bestLength && Text.has(t, n)) {
                    best = e.getKey();
                    bestLength = n.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The consultation type for emergencies: its name or a synonym says emergency or urgent. */
    public Optional<String> emergencyType() {
        return clinic.consultationTypes().entrySet().stream()
                .filter(e -> isEmergency(e.getKey()) || e.getValue().synonyms().stream().anyMatch(Catalog::isEmergency))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    private static boolean isEmergency(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("emergency") || l.contains("urgent");
    }

    /** Consultation type names in config order of the map, sorted for stable speech. */
    public List<String> consultationNames() {
        return clinic.consultationTypes().keySet().stream().sorted().toList();
    }

    /** Doctors who do a consultation type (all doctors when the type is null). */
    public List<Doctor> doctorsFor(String consultationType) {
        return clinic.doctors().stream()
                .filter(d -> consultationType == null || d.consultationTypes().stream().anyMatch(c -> c.equalsIgnoreCase(consultationType)))
                .toList();
    }

    /**
     * A doctor choice in the text. With {@code answering} false (the caller was not asked) only
     * "doctor Patel" style mentions count, so a caller's own first name is not taken for a doctor's.
     */
    public Optional<DoctorChoice> doctor(String t, boolean answering) {
        List<Doctor> hits = new ArrayList<>();
        for (Doctor d : clinic.doctors()) {
            List<String> w = Text.words(Text.normalize(d.name()).replace("doctor ", ""));
            String surname = w.getLast();
            String first = w.getFirst();
            boolean hit = Text.hasAny(t, "doctor " + surname, "doctor " + String.join(" ", w), "dentist " + surname)
                    || answering && (Text.has(t, surname) || Text.has(t, first));
            if (hit) {
                hits.add(d);
            }
        }
        if (hits.size() == 1) {
            return Optional.of(new DoctorChoice.One(hits.getFirst()));
        }
        if (hits.size() > 1) {
            return Optional.of(new DoctorChoice.Unclear());
        }
        if (Text.hasAny(t, "lady", "female", "woman", "male", "man", "gentleman", "guy", "young", "old", "older",
                "younger", "nice one", "the one i saw", "usual", "same one", "same doctor", "same dentist")) {
            return Optional.of(new DoctorChoice.Unclear());
        }
        if (Text.hasAny(t, "anyone", "anybody", "any dentist", "any doctor", "whoever", "whichever dentist", "no preference")
                || answering && Text.hasAny(t, "any", "don't mind", "dont mind", "doesn't matter", "first available", "either",
                "not fussed", "no", "not really", "whichever", "don't care", "fine")) {
            return Optional.of(new DoctorChoice.Any());
        }
        return Optional.empty();
    }
}
