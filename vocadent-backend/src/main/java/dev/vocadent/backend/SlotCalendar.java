package dev.vocadent.backend;

import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.config.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which slots exist: every doctor works the practice's opening hours; a slot of a consultation type
 * starts on a 15-minute grid from opening time, lasts the type's duration and ends by closing time.
 * A slot is free when it starts after now, lies within the booking horizon and overlaps no booking
 * of the same doctor.
 */
final class SlotCalendar {
    static final int GRID_MINUTES = 15;

    /** A booked time range of a doctor. */
    record Busy(String doctorId, Instant start, Instant end) {}

    private final ClinicConfig config;
    private final ZoneId zone;

    SlotCalendar(ClinicConfig config) {
        this.config = config;
        this.zone = ZoneId.of(config.customer().timezone());
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Free slots of one consultation type, earliest first (ties by doctor id). Walks the grid in time
     * order and builds only the slots it returns.
     */
    List<Slot> free(String typeName, int durationMinutes, String serviceId, List<Doctor> doctors, LocalDate from,
                    LocalDate to, PartOfDay part, Instant now, LocalDate lastDay, List<Busy> busy, int limit) {
        List<Doctor> byId = doctors.stream().sorted(Comparator.comparing(Doctor::id)).toList();
        java.util.Map<String, List<Busy>> busyByDoctor = busy.stream().collect(java.util.stream.Collectors.groupingBy(Busy::doctorId));
        List<Slot> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to) && !day.isAfter(lastDay); day = day.plusDays(1)) {
            Optional<OpeningHours> hours = hoursOf(day);
            if (hours.isEmpty()) {
                continue;
            }
            int opens = hours.get().opens().toSecondOfDay() / 60;
            int closes = hours.get().closes().toSecondOfDay() / 60;
            for (int m = opens; m + durationMinutes <= closes; m += GRID_MINUTES) {
                LocalTime t = LocalTime.ofSecondOfDay(m * 60L);
                if (part == PartOfDay.MORNING && t.getHour() >= 12 || part == PartOfDay.AFTERNOON && t.getHour() < 12) {
                    continue;
                }
                ZonedDateTime start = ZonedDateTime.of(day, t, zone);
                if (!start.toInstant().isAfter(now)) {
                    continue;
                }
                ZonedDateTime end = start.plusMinutes(durationMinutes);
                for (Doctor d : byId) {
                    if (overlaps(busyByDoctor.getOrDefault(d.id(), List.of()), start.toInstant(), end.toInstant())) {
                        continue;
                    }
                    out.add(new Slot(new SlotId(d.id(), LocalDateTime.of(day, t), serviceId).value(), d.id(), d.name(),
                            start.toOffsetDateTime(), end.toOffsetDateTime(), DayLabels.of(start), typeName));
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /** True if a slot of this length starting at {@code start} on {@code day} is one the calendar offers. */
    boolean offers(LocalDate day, LocalTime start, int durationMinutes) {
        Optional<OpeningHours> hours = hoursOf(day);
        if (hours.isEmpty() || start.isBefore(hours.get().opens()) || !fits(start, durationMinutes, hours.get().closes())) {
            return false;
        }
        long fromOpen = java.time.Duration.between(hours.get().opens(), start).toMinutes();
        return fromOpen % GRID_MINUTES == 0 && start.getSecond() == 0 && start.getNano() == 0;
    }

    private Optional<OpeningHours> hoursOf(LocalDate day) {
        return config.customer().openingHours().stream().filter(h -> h.day() == day.getDayOfWeek()).findFirst();
    }

    private static boolean fits(LocalTime start, int minutes, LocalTime closes) {
        int s = start.toSecondOfDay() / 60;
        int c = closes.toSecondOfDay() / 60;
        return s + minutes <= c && s >= 0;
    }

    private static boolean overlaps(List<Busy> busy, Instant start, Instant end) {
        for (Busy b : busy) {
            if (b.start().isBefore(end) && start.isBefore(b.end())) {
                return true;
            }
        }
        return false;
    }
}
