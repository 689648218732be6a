package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DobParserTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate FIFTH_MAY_1980 = LocalDate.of(1980, 5, 5);

    @ParameterizedTest
    @ValueSource(strings = {"5th of May 1980", "05/05/1980", "fifth May nineteen eighty", "May the 5th 1980",
            "1980-05-05", "5.5.1980", "it's the fifth of may, nineteen eighty", "5 5 80", "5th may 80",
            "the fifth of the fifth eighty", "fifth of the fifth nineteen eighty"})
    void understandsTheUsualFormsOfADateOfBirth(String said) {
        assertThat(DobParser.parse(Text.normalize(said), TODAY)).contains(FIFTH_MAY_1980);
    }

    @Test
    void hyphenatedNumberWordsCount() {
        assertThat(DobParser.parse(Text.normalize("twelfth of the eleventh eighty-four"), TODAY)).contains(LocalDate.of(1984, 11, 12));
    }

    @Test
    void twoDigitYearsPickTheCenturyThatIsNotInTheFuture() {
        assertThat(DobParser.parse(Text.normalize("05/05/15"), TODAY)).contains(LocalDate.of(2015, 5, 5));
        assertThat(DobParser.parse(Text.normalize("05/05/43"), TODAY)).contains(LocalDate.of(1943, 5, 5));
    }

    @Test
    void rejectsFutureImpossibleAndTooOldDates() {
        assertThat(DobParser.parse(Text.normalize("5th May 2030"), TODAY)).isEmpty();
        assertThat(DobParser.parse(Text.normalize("30th February 1980"), TODAY)).isEmpty();
        assertThat(DobParser.parse(Text.normalize("1st January 1890"), TODAY)).isEmpty();
        assertThat(DobParser.parse(Text.normalize("the fifth of may"), TODAY)).isEmpty();
    }

    @Test
    void aCorrectionKeepsWhatWasSaidBeforeNot() {
        DobParser.Parts p = DobParser.parts(Text.normalize("sorry, my date of birth is the 4th not the 5th"), TODAY);
        assertThat(p.day()).isEqualTo(4);
        assertThat(p.month()).isNull();
        assertThat(DobParser.patch(FIFTH_MAY_1980, p, TODAY)).contains(LocalDate.of(1980, 5, 4));
    }

    @Test
    void aCorrectionOfTheMonthKeepsDayAndYear() {
        DobParser.Parts p = DobParser.parts(Text.normalize("it's the fifth of june"), TODAY);
        assertThat(DobParser.patch(FIFTH_MAY_1980, p, TODAY)).contains(LocalDate.of(1980, 6, 5));
    }
}
