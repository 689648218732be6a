package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.demo.DemoClinics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotRulesTest {
    @Test
    void slotIdRoundTripsAndRejectsGarbage() {
        SlotId id = new SlotId("wb-dr-patel", LocalDateTime.parse("2026-11-26T09:30"), "wb-checkup");
        assertThat(id.value()).isEqualTo("wb-dr-patel@20261126T0930@wb-checkup");
        assertThat(SlotId.parse(id.value())).contains(id);
        assertThat(SlotId.parse("dr@with@at@20261126T0930@svc")).isEmpty();
        for (String bad : new String[] {null, "", "x", "@20261126T0930@s", "d@20261326T0930@s", "d@20261126T0930@", "d@20261126T0930s"}) {
            assertThat(SlotId.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void dayLabelsAreHowAPersonSaysThem() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(DayLabels.of(ZonedDateTime.of(2026, 3, 3, 14, 30, 0, 0, london))).isEqualTo("Tuesday 3 March at 2:30pm");
        assertThat(DayLabels.of(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, london))).isEqualTo("Friday 27 November at 9am");
        assertThat(DayLabels.of(ZonedDateTime.of(2026, 11, 27, 12, 15, 0, 0, london))).isEqualTo("Friday 27 November at 12:15pm");
    }

    @Test
    void summerSlotsCarryTheBritishSummerTimeOffset() {
        SlotCalendar cal = new SlotCalendar(DemoClinics.westbury());
        var doctor = DemoClinics.westbury().doctor("wb-dr-patel").orElseThrow();
        var slots = cal.free("check-up", 30, "wb-checkup", List.of(doctor), LocalDate.parse("2027-06-01"), LocalDate.parse("2027-06-01"),
                PartOfDay.ANY, Instant.parse("2027-05-31T12:00:00Z"), LocalDate.parse("2027-06-10"), List.of(), 1);
        assertThat(slots.getFirst().start().toString()).isEqualTo("2027-06-01T09:00+01:00");
        assertThat(slots.getFirst().start().toInstant()).isEqualTo(Instant.parse("2027-06-01T08:00:00Z"));
    }

    @Test
    void calendarOffersOnlyGridStartsInsideOpeningHours() {
        SlotCalendar cal = new SlotCalendar(DemoClinics.westbury());
        LocalDate wednesday = LocalDate.parse("2026-11-25");
        assertThat(cal.offers(wednesday, LocalTime.parse("09:00"), 30)).isTrue();
        assertThat(cal.offers(wednesday, LocalTime.parse("17:00"), 30)).isTrue();
        assertThat(cal.offers(wednesday, LocalTime.parse("17:15"), 30)).isFalse();
        assertThat(cal.offers(wednesday, LocalTime.parse("08:45"), 30)).isFalse();
        assertThat(cal.offers(wednesday, LocalTime.parse("09:10"), 30)).isFalse();
        assertThat(cal.offers(LocalDate.parse("2026-11-29"), LocalTime.parse("10:00"), 30)).isFalse();
    }

    @Test
    void phoneNumbersNormaliseToE164() {
        assertThat(PatientInput.phone("07700 900123", "phone", true)).isEqualTo("+447700900123");
        assertThat(PatientInput.phone("+44 (0)7700-900123".replace("(0)", ""), "phone", true)).isEqualTo("+447700900123");
        assertThat(PatientInput.phone("0044 7700 900123", "phone", true)).isEqualTo("+447700900123");
        assertThat(PatientInput.phone(null, "phone", false)).isNull();
    }

    @Test
    void optionsNeverPrintSecrets() {
        DbOptions db = DbOptions.external("jdbc:postgresql://h/db?password=hunter2", "u", "hunter2");
        BackendOptions o = BackendOptions.local(java.nio.file.Path.of("x"), Fixtures.CLOCK).withDb(db)
                .withAdminToken("admin-secret").withRedisUrl("redis://:pw@h:6379");
        assertThat(o.toString()).doesNotContain("hunter2").doesNotContain("admin-secret").doesNotContain("pw@");
    }
}
