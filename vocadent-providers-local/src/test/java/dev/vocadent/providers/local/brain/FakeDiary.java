package dev.vocadent.providers.local.brain;

import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.config.OpeningHours;
import dev.vocadent.providers.local.brain.nlu.DateParser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small deterministic diary like the demo backend's: a 14-day window from today, slots at 9:00,
 * 10:30, 14:00 and 15:30 on opening days (not after closing), doctors taking turns, booked slots gone.
 */
final class FakeDiary {
    static final List<LocalTime> TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(10, 30), LocalTime.of(14, 0), LocalTime.of(15, 30));
    private final ClinicConfig clinic;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> taken = new HashSet<>();
    boolean fullyBooked;

    FakeDiary(ClinicConfig clinic, Clock clock) {
        this.clinic = clinic;
        this.clock = clock;
        this.zone = ZoneId.of(clinic.customer().timezone());
    }

    List<Slot> free(String consultationType, String doctorId, LocalDate from, LocalDate to, PartOfDay part) {
        List<Slot> out = new ArrayList<>();
        if (fullyBooked) {
            return out;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalDate today = now.toLocalDate();
        LocalDate last = today.plusDays(DateParser.HORIZON_DAYS - 1);
        List<Doctor> doctors = clinic.doctors().stream()
                .filter(d -> d.consultationTypes().stream().anyMatch(c -> c.equalsIgnoreCase(consultationType)))
                .filter(d -> doctorId == null || doctorId.equals("ANY-PROVIDER") || d.id().equals(doctorId))
                .toList();
        int minutes = clinic.consultationType(consultationType).map(e -> e.getValue().durationMinutes()).orElse(30);
        for (LocalDate d = from.isBefore(today) ? today : from; !d.isAfter(to) && !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            Optional<OpeningHours> hours = clinic.customer().openingHours().stream().filter(h -> h.day() == day.getDayOfWeek()).findFirst();
            if (hours.isEmpty() || doctors.isEmpty()) {
                continue;
            }
            for (int i = 0; i < TIMES.size(); i++) {
                LocalTime t = TIMES.get(i);
                if (t.plusMinutes(minutes).isAfter(hours.get().closes()) || part == PartOfDay.MORNING && t.getHour() >= 12
                        || part == PartOfDay.AFTERNOON && t.getHour() < 12) {
                    continue;
                }
                ZonedDateTime start = ZonedDateTime.of(day, t, zone);
                if (!start.isAfter(now)) {
                    continue;
                }
                Doctor doc = doctors.get((day.getDayOfYear() + i) % doctors.size());
                String id = doc.id() + "-" + day.toString().replace("-", "") + "-" + t.toString().replace(":", "");
                if (taken.contains(id)) {
                    continue;
                }
                String label = DateParser.say(day) + " at " + PracticeFacts.time(t);
                out.add(new Slot(id, doc.id(), doc.name(), start.toOffsetDateTime(), start.plusMinutes(minutes).toOffsetDateTime(),
                        label, consultationType));
            }
        }
        return out;
    }

    void take(String slotId) {
        taken.add(slotId);
    }

    boolean isTaken(String slotId) {
        return taken.contains(slotId);
    }
}
