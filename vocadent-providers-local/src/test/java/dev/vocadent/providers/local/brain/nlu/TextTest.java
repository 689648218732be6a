package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void lowerCasesDropsPunctuationAndSpellsOutDoctor() {
        assertThat(Text.normalize("Hi, Dr. Patel?! I'd like a CHECK-UP.")).isEqualTo("hi doctor patel i'd like a check-up");
        assertThat(Text.normalize("dr okafor - or anyone")).isEqualTo("doctor okafor or anyone");
    }

    @Test
    void keepsDatesTimesAndPhoneDigits() {
        assertThat(Text.normalize("05/05/1980 at 2:30, +44 7700")).isEqualTo("05/05/1980 at 2:30 +44 7700");
        assertThat(Text.normalize("1980-05-05")).isEqualTo("1980-05-05");
    }

    @Test
    void turnsNumberWordsIntoDigits() {
        assertThat(Text.normalize("fifth of may nineteen eighty")).isEqualTo("5th of may 1980");
        assertThat(Text.normalize("twenty first december nineteen fifty three")).isEqualTo("21st december 1953");
        assertThat(Text.normalize("two thousand and five")).isEqualTo("2005");
        assertThat(Text.normalize("nineteen oh five")).isEqualTo("1905");
        assertThat(Text.normalize("twenty twenty six")).isEqualTo("2026");
        assertThat(Text.normalize("two thirty")).isEqualTo("2 30");
        assertThat(Text.normalize("the third")).isEqualTo("the 3rd");
        assertThat(Text.normalize("the first one")).isEqualTo("the 1st 1");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(Text.has("i have pain", "pain")).isTrue();
        assertThat(Text.has("painless whitening", "pain")).isFalse();
        assertThat(Text.hasAny("anyone is fine", "any")).isFalse();
    }

    @Test
    void capitalisesNamesWithHyphensAndApostrophes() {
        assertThat(Text.capitalise("mary-jane o'brien")).isEqualTo("Mary-Jane O'Brien");
    }
}
