package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneParserTest {
    @ParameterizedTest
    @ValueSource(strings = {"oh seven seven double oh nine double oh one two three", "07700 900123", "07700900123",
            "+44 7700 900123", "plus four four seven seven double oh nine double oh one two three", "0 7 7 0 0 9 0 0 1 2 3",
            "it's zero seven seven zero zero, nine zero zero, one two three", "44 7700 900123", "+44 (0)7700 900123"})
    void understandsSpokenAndTypedUkNumbers(String said) {
        assertThat(PhoneParser.parse(said)).contains("+447700900123");
    }

    @Test
    void expandsDoubleTripleAndTens() {
        assertThat(PhoneParser.digits("triple seven")).isEqualTo("777");
        assertThat(PhoneParser.digits("oh one two two five double four five six seven eight")).isEqualTo("01225445678");
        assertThat(PhoneParser.digits("seventy seven")).isEqualTo("77");
    }

    @Test
    void homophonesCountOnlyInsideANumber() {
        assertThat(PhoneParser.digits("my number is oh seven seven oh oh nine oh oh one two three")).isEqualTo("07700900123");
        assertThat(PhoneParser.digits("I want to book for two")).isEqualTo("2");
    }

    @Test
    void aCallerWhoStartsAgainIsTakenAtTheirLastFullNumber() {
        assertThat(PhoneParser.parse("seven seven double oh nine, hang on, 07700 900 321")).contains("+447700900321");
    }

    @Test
    void incompleteOrForeignLengthsAreNotANumber() {
        assertThat(PhoneParser.parse("oh seven seven double oh nine")).isEmpty();
        assertThat(PhoneParser.parse("077009001234")).isEmpty();
        assertThat(PhoneParser.parse("hello")).isEmpty();
    }
}
