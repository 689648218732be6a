package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameParserTest {
    private static String parse(String said) {
        return NameParser.parse(Text.normalize(said)).orElse(null);
    }

    private static String correct(String known, String said) {
        return NameParser.correct(known, Text.normalize(said)).orElse(null);
    }

    @Test
    void takesTheNameOutOfCommonAnswers() {
        assertThat(parse("John Smith")).isEqualTo("John Smith");
        assertThat(parse("yeah it's john smith thanks")).isEqualTo("John Smith");
        assertThat(parse("my name is Mary-Jane O'Brien")).isEqualTo("Mary-Jane O'Brien");
        assertThat(parse("the patient's name is leo brown")).isEqualTo("Leo Brown");
    }

    @Test
    void joinsSpelledLetters() {
        assertThat(parse("J O N Smith")).isEqualTo("Jon Smith");
    }

    @Test
    void refusesNonNames() {
        assertThat(parse("I don't know")).isNull();
        assertThat(parse("07700 900123")).isNull();
        assertThat(parse("")).isNull();
    }

    @Test
    void correctsALetterLeftOut() {
        assertThat(correct("John Smith", "no, it's Jon with no h")).isEqualTo("Jon Smith");
        assertThat(correct("John Smith", "it's jon without an h")).isEqualTo("Jon Smith");
    }

    @Test
    void correctsBySpellingOrByNot() {
        assertThat(correct("Graham Smith", "sorry it's spelt S M Y T H")).isEqualTo("Graham Smyth");
        assertThat(correct("John Smith", "it's smyth not smith")).isEqualTo("John Smyth");
        assertThat(correct("Jon Smith", "no, my name is Sarah Jones")).isEqualTo("Sarah Jones");
    }

    @Test
    void ordinaryRepliesAreNotCorrections() {
        assertThat(correct("John Smith", "no ta bye")).isNull();
        assertThat(correct("John Smith", "yes please")).isNull();
        assertThat(correct(null, "no it's jon")).isNull();
    }

    @Test
    void findsANameVolunteeredInASentence() {
        assertThat(NameParser.spontaneous(Text.normalize("Hello, my name is Priya Shah and I'd like a check-up")))
                .contains("Priya Shah");
        assertThat(NameParser.spontaneous(Text.normalize("I'd like a check-up"))).isEmpty();
    }
}
