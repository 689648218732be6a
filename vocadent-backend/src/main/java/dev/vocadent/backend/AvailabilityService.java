package dev.vocadent.backend;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ConsultationType;
import dev.vocadent.core.config.Doctor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Answers check-availability from the clinic's calendar and its bookings. */
final class AvailabilityService {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int MAX_RANGE_DAYS = 92;

    private final BookingRepository bookings;
    private final Clock clock;
    private final int horizonDays;

    AvailabilityService(BookingRepository bookings, Clock clock, int horizonDays) {
        this.bookings = bookings;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    AvailabilityResponse check(ClinicConfig config, AvailabilityRequest r) {
        Map.Entry<String, ConsultationType> type;
        if (blank(r.consultationType()) && blank(r.serviceId())) {
            throw ApiException.badRequest("consultation_type", "consultation_type or service_id is required");
        }
        type = ClinicContext.type(config, r.consultationType(), r.serviceId()).orElseThrow(() -> blank(r.consultationType())
                ? ApiException.badRequest("service_id", "is not offered by this practice")
                : ApiException.badRequest("consultation_type", "is not offered by this practice"));
        ClinicContext.requireOffered(type, r.bookingType(), "booking_type");
        List<Doctor> doctors;
        String wanted = r.preferredDoctorId();
        if (blank(wanted) || AvailabilityRequest.ANY_PROVIDER.equalsIgnoreCase(wanted.strip())) {
            doctors = config.doctors().stream().filter(d -> does(d, type.getKey())).toList();
        } else {
            Doctor d = config.doctor(wanted.strip())
                    .orElseThrow(() -> ApiException.badRequest("preferred_doctor_id", "is not a doctor of this practice (or use ANY-PROVIDER)"));
            if (!does(d, type.getKey())) {
                throw ApiException.badRequest("preferred_doctor_id", d.name() + " does not do " + type.getKey());
            }
            doctors = List.of(d);
        }
        ZoneId zone = ZoneId.of(config.customer().timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = r.fromDate() == null || r.fromDate().isBefore(today) ? today : r.fromDate();
        LocalDate to = r.toDate() == null ? from.plusDays(14) : r.toDate();
        if (r.toDate() != null && r.toDate().isBefore(r.fromDate() == null ? today : r.fromDate())) {
            throw ApiException.badRequest("to_date", "must not be before from_date");
        }
        if (to.isAfter(from.plusDays(MAX_RANGE_DAYS))) {
            throw ApiException.badRequest("to_date", "must be at most " + MAX_RANGE_DAYS + " days after from_date");
        }
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        LocalDate lastDay = today.plusDays(horizonDays - 1L);
        if (from.isAfter(lastDay) || doctors.isEmpty()) {
            return new AvailabilityResponse(List.of());
        }
        LocalDate until = to.isAfter(lastDay) ? lastDay : to;
        var busy = bookings.busy(config.customerId(), from.atStartOfDay(zone).toInstant(), until.plusDays(1).atStartOfDay(zone).toInstant());
        PartOfDay part = r.partOfDay() == null ? PartOfDay.ANY : r.partOfDay();
        return new AvailabilityResponse(new SlotCalendar(config).free(type.getKey(), type.getValue().durationMinutes(),
                type.getValue().serviceId(), doctors, from, until, part, clock.instant(), lastDay, busy, limit));
    }

    private static boolean does(Doctor d, String type) {
        return d.consultationTypes().isEmpty() || d.consultationTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
