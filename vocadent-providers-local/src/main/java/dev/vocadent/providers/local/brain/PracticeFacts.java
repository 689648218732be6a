package dev.vocadent.providers.local.brain;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.config.OpeningHours;
import dev.vocadent.providers.local.brain.nlu.Intents.Topic;
import dev.vocadent.providers.local.brain.nlu.Text;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Answers to questions about the practice, worded for speech, from the clinic's config only. */
final class PracticeFacts {
    private final ClinicConfig clinic;

    PracticeFacts(ClinicConfig clinic) {
        this.clinic = clinic;
    }

    String answer(Topic topic, String t, String consultationType, Optional<String> mentioned) {
        return switch (topic) {
            case HOURS -> hours(t);
            case ADDRESS -> clinic.customer().address() == null
                    ? "I don't have the address to hand, but the team can help."
                    : "We're at " + clinic.customer().address() + ".";
            case PARKING -> clinic.customer().parking() == null
                    ? "I don't have parking details, but the team can help."
                    : clinic.customer().parking();
            case PRICE -> price(mentioned.orElse(consultationType));
            case DOCTORS -> "Our dentists are " + join(clinic.doctors().stream().map(Doctor::name).toList()) + ".";
            case SERVICES -> mentioned.map(type -> "Yes, we offer " + a(type) + ".")
                    .orElse("We offer " + join(clinic.consultationTypes().keySet().stream().sorted().map(PracticeFacts::a).toList()) + ".");
        };
    }

    /** Which appointments can be booked on the NHS, from the consultation types. */
    String nhsOffer() {
        List<String> nhs = clinic.consultationTypes().entrySet().stream()
                .filter(e -> e.getValue().bookingTypes().contains(dev.vocadent.core.api.BookingType.NHS))
                .map(Map.Entry::getKey).sorted().map(PracticeFacts::a).toList();
        return nhs.isEmpty() ? "We see patients privately." : "We book NHS appointments for " + join(nhs) + ".";
    }

    String hours(String t) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.getDisplayName(TextStyle.FULL, Locale.UK);
            if (Text.has(t, name.toLowerCase(Locale.ROOT)) || Text.has(t, name.toLowerCase(Locale.ROOT) + "s")) {
                return clinic.customer().openingHours().stream().filter(h -> h.day() == d).findFirst()
                        .map(h -> "On " + name + " we're open " + time(h.opens()) + " to " + time(h.closes()) + ".")
                        .orElse("We're closed on " + name + ".");
            }
        }
        List<String> parts = new ArrayList<>();
        List<OpeningHours> hours = clinic.customer().openingHours().stream()
                .sorted((a, b) -> a.day().compareTo(b.day())).toList();
        int i = 0;
        while (i < hours.size()) {
            int j = i;
            while (j + 1 < hours.size() && hours.get(j + 1).opens().equals(hours.get(i).opens())
                    && hours.get(j + 1).closes().equals(hours.get(i).closes())
                    && hours.get(j + 1).day().getValue() == hours.get(j).day().getValue() + 1) {
                j++;
            }
            String days = day(hours.get(i).day()) + (j > i ? " to " + day(hours.get(j).day()) : "");
            parts.add(days + " " + time(hours.get(i).opens()) + " to " + time(hours.get(i).closes()));
            i = j + 1;
        }
        return parts.isEmpty() ? "I don't have our opening hours to hand." : "We're open " + join(parts) + ".";
    }

    String price(String type) {
        if (type != null) {
            ConsultationType c = clinic.consultationType(type).map(Map.Entry::getValue).orElse(null);
            if (c != null && c.price() != null) {
                return "For " + a(type) + ", " + c.price() + ".";
            }
        }
        List<String> parts = new ArrayList<>();
        clinic.consultationTypes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().price() != null)
                .forEach(e -> parts.add(a(e.getKey()) + ": " + e.getValue().price()));
        return parts.isEmpty() ? "The team can tell you our prices." : "Our prices are " + String.join("; ", parts) + ".";
    }

    /** "a check-up", "an emergency appointment". */
    static String a(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    static String time(LocalTime t) {
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String ampm = t.getHour() < 12 ? "am" : "pm";
        return t.getMinute() == 0 ? h + ampm : h + ":" + String.format("%02d", t.getMinute()) + ampm;
    }

    private static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    static String joinOr(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }
}
