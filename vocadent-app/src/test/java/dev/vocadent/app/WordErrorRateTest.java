package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Word error rate of what the recogniser heard against what the synthetic caller said. */
class WordErrorRateTest {
    @Test
    void countsSubstitutionsDeletionsAndInsertionsPerWordSaid() {
        assertThat(WordErrorRate.of("a check up please", "a check up please")).isZero();
        assertThat(WordErrorRate.of("fifth of may nineteen eighty", "fifth of august nineteen eighty")).isCloseTo(0.2, within(1e-9));
        assertThat(WordErrorRate.of("the first one", "first one")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(WordErrorRate.of("yes", "yes yes please")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void ignoresCasePunctuationAndHyphensAndReadsDrAsDoctor() {
        assertThat(WordErrorRate.words("An NHS check-up with Dr Okafor, please.")).isEqualTo(
                List.of("an", "nhs", "check", "up", "with", "doctor", "okafor", "please"));
        assertThat(WordErrorRate.of("Hello, Dr Patel!", "hello doctor patel")).isZero();
    }

    @Test
    void nothingSaidAndNothingHeardIsNoError() {
        assertThat(WordErrorRate.of("", "")).isZero();
        assertThat(WordErrorRate.edits(List.of("a", "b"), List.of())).isEqualTo(2);
    }
}
