package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.PartOfDay;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Today is Monday 2 March 2026 in every case. */
class DateParserTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static DateWish parse(String said) {
        return DateParser.parse(Text.normalize(said), MONDAY).orElseThrow(() -> new AssertionError("no date in: " + said));
    }

    @Test
    void nextTuesdayAfternoonIsTheComingTuesdayAfterNoon() {
        DateWish w = parse("next Tuesday afternoon");
        assertThat(w.from()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(w.to()).isEqualTo(w.from());
        assertThat(w.partOfDay()).isEqualTo(PartOfDay.AFTERNOON);
    }

    @Test
    void explicitDayAndMonthInEitherOrder() {
        assertThat(parse("the 3rd of March").from()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(parse("march the tenth").from()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(parse("on 12/3").from()).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @Test
    void aDayAndMonthAlreadyPastMeansNextYear() {
        assertThat(parse("the 1st of March").from()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void relativeDays() {
        assertThat(parse("today").from()).isEqualTo(MONDAY);
        assertThat(parse("tomorrow").from()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(parse("the day after tomorrow").from()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void weekdayWithPartOfDay() {
        DateWish w = parse("Friday morning");
        assertThat(w.from()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(w.partOfDay()).isEqualTo(PartOfDay.MORNING);
        assertThat(w.spoken()).isEqualTo("on Friday 6 March in the morning");
    }

    @Test
    void theSameWeekdayAsTodayMeansNextWeek() {
        assertThat(parse("monday").from()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void anyTimeNextWeekIsMondayToSunday() {
        DateWish w = parse("any time next week");
        assertThat(w.from()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(w.to()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(w.partOfDay()).isEqualTo(PartOfDay.ANY);
    }

    @Test
    void rangesWeekendWeeksAndMonths() {
        assertThat(parse("this weekend").from()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(parse("this week").to()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(parse("in two weeks").from()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(parse("next month").from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(parse("next month").to()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void asSoonAsPossibleIsTheTwoWeekWindow() {
        DateWish w = parse("as soon as possible please");
        assertThat(w.from()).isEqualTo(MONDAY);
        assertThat(w.to()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(parse("mornings are best").partOfDay()).isEqualTo(PartOfDay.MORNING);
    }

    @Test
    void noDateInTheTextGivesNothing() {
        assertThat(DateParser.parse(Text.normalize("hello there"), MONDAY)).isEmpty();
        assertThat(DateParser.parse(Text.normalize("the 31st of February"), MONDAY)).isEmpty();
        assertThat(DateParser.parse(Text.normalize("3rd of March 1950"), MONDAY)).isEmpty();
        assertThat(DateParser.parse(Text.normalize("the 3rd of March 2026"), MONDAY)).map(DateWish::from).contains(LocalDate.of(2026, 3, 3));
    }
}
