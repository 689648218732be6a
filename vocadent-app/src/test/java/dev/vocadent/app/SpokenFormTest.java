package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Written caller lines turned into what a person says, for the synthetic caller of {@code eval --voice}. */
class SpokenFormTest {
    @Test
    void phoneNumbersAreReadDigitByDigitInTheirGroupsWithOhAndDouble() {
        assertThat(SpokenForm.of("07700 900123")).isEqualTo("oh double seven double oh nine double oh one two three");
        assertThat(SpokenForm.of("it's 07700 900 974")).isEqualTo("it's oh double seven double oh nine double oh nine seven four");
        assertThat(SpokenForm.of("+44 7700 900123")).isEqualTo("plus double four double seven double oh nine double oh one two three");
        assertThat(SpokenForm.of("07700900123")).isEqualTo("oh double seven double oh nine double oh one two three");
    }

    @Test
    void numericDatesBecomeDayMonthAndYear() {
        assertThat(SpokenForm.of("29/03/1943")).isEqualTo("twenty ninth of march nineteen forty three");
        assertThat(SpokenForm.of("5/5/43")).isEqualTo("fifth of may forty three");
        assertThat(SpokenForm.of("30/04/2001")).isEqualTo("thirtieth of april two thousand and one");
        assertThat(SpokenForm.of("12 11 1945")).isEqualTo("twelfth of november nineteen forty five");
    }

    @Test
    void writtenDatesGetOrdinalDaysAndSpokenYears() {
        assertThat(SpokenForm.of("9 October 1926")).isEqualTo("ninth of October nineteen twenty six");
        assertThat(SpokenForm.of("3rd of March 1950")).isEqualTo("third of March nineteen fifty");
        assertThat(SpokenForm.of("11th of September 2015")).isEqualTo("eleventh of September twenty fifteen");
        assertThat(SpokenForm.of("monday the 9th of march")).isEqualTo("monday the ninth of march");
        assertThat(SpokenForm.of("sorry, my date of birth is the 4th not the 5th"))
                .isEqualTo("sorry, my date of birth is the fourth not the fifth");
        assertThat(SpokenForm.of("March 21 please")).isEqualTo("March twenty first please");
    }

    @Test
    void timesMoneyEmailsAndPlainNumbersAreWords() {
        assertThat(SpokenForm.of("the 9am")).isEqualTo("the nine a m");
        assertThat(SpokenForm.of("at 2:30pm")).isEqualTo("at two thirty p m");
        assertThat(SpokenForm.of("10:05")).isEqualTo("ten oh five");
        assertThat(SpokenForm.of("the 9 o'clock")).isEqualTo("the nine o'clock");
        assertThat(SpokenForm.of("is it £2500?")).isEqualTo("is it two thousand five hundred pounds?");
        assertThat(SpokenForm.of("jo.smith@example.co.uk")).isEqualTo("jo dot smith at example dot co dot uk");
        assertThat(SpokenForm.of("for 2 people, 105 minutes")).isEqualTo("for two people, one hundred and five minutes");
    }

    @Test
    void linesWithoutNumbersAreUnchangedAndSpeakable() {
        String line = "Hello, I'd like an NHS check-up with Dr Okafor please.";
        assertThat(SpokenForm.of(line)).isEqualTo(line);
        assertThat(SpokenForm.speakable(SpokenForm.of(line))).isTrue();
        assertThat(SpokenForm.speakable(SpokenForm.of("<silence>"))).isFalse();
        assertThat(SpokenForm.speakable("")).isFalse();
    }
}
