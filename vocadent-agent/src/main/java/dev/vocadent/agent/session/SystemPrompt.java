package dev.vocadent.agent.session;

import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Customer;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.config.OpeningHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The system prompt of a call: the clinic's own prompt, its facts, today's UK date and how to use the tools. */
public final class SystemPrompt {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK);

    private SystemPrompt() {}

    public static String build(ClinicConfig clinic, Clock clock) {
        Customer c = clinic.customer();
        StringBuilder b = new StringBuilder(clinic.systemPrompt().strip()).append("\n\n");
        b.append("## The practice\n");
        b.append("Name: ").append(c.name()).append('\n');
        if (c.address() != null) {
            b.append("Address: ").append(c.address()).append('\n');
        }
        b.append("Opening hours: ").append(hours(c)).append('\n');
        if (c.parking() != null) {
            b.append("Parking and access: ").append(c.parking()).append('\n');
        }
        b.append("\n## Consultation types\n");
        for (Map.Entry<String, ConsultationType> e : new TreeMap<>(clinic.consultationTypes()).entrySet()) {
            ConsultationType t = e.getValue();
            b.append("- ").append(e.getKey()).append(": ").append(t.durationMinutes()).append(" minutes; ")
                    .append(t.bookingTypes().stream().sorted().map(x -> x == BookingType.NHS ? "NHS" : "private")
                            .collect(Collectors.joining(" or ")))
                    .append("; ").append(t.price());
            if (!t.synonyms().isEmpty()) {
                b.append(" (also called: ").append(String.join(", ", t.synonyms())).append(')');
            }
            b.append('\n');
        }
        b.append("\n## Doctors\n");
        for (Doctor d : clinic.doctors()) {
            b.append("- ").append(d.name()).append(" (doctor_id ").append(d.id()).append("): ")
                    .append(String.join(", ", d.consultationTypes())).append('\n');
        }
        if (clinic.onCallInstructions() != null) {
            b.append("\nUrgent problems out of hours: ").append(clinic.onCallInstructions()).append('\n');
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(UK));
        String zone = UK.getRules().isDaylightSavings(now.toInstant()) ? "BST" : "GMT";
        b.append("\n## Now\nToday is ").append(now.format(TODAY)).append(" (").append(now.toLocalDate())
                .append("); the time in the UK is ").append(now.format(DateTimeFormatter.ofPattern("HH:mm")))
                .append(' ').append(zone).append(".\n");
        b.append("""

                ## How to work
                - Record every detail the caller gives with the update_ tools as soon as you hear it.
                - To book: consultation type, NHS or private, then get_appointment_availability; offer the slots it \
                returns; record the chosen one; confirm name, phone number and date of birth; then book_appointment. \
                Only say an appointment is booked when book_appointment succeeded.
                - If nothing suits, offer a callback (handle_callback_request_and_forward_message_to_team).
                - Never reveal any patient's stored details, and only deal with this caller's own appointments.
                - Keep answers to one or two short sentences; this is a phone call.
                - When the caller is done, say goodbye and call end_call.
                """);
        return b.toString();
    }

    private static String hours(Customer c) {
        if (c.openingHours().isEmpty()) {
            return "not known";
        }
        StringBuilder b = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            OpeningHours h = c.openingHours().stream().filter(x -> x.day() == d).findFirst().orElse(null);
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(d.getDisplayName(TextStyle.FULL, Locale.UK)).append(' ')
                    .append(h == null ? "closed" : h.opens() + "–" + h.closes());
        }
        return b.toString();
    }
}
