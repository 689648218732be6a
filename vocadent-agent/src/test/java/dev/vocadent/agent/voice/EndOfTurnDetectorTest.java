package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndOfTurnDetectorTest {
    final FakeClock clock = new FakeClock();
    final List<String> turns = new ArrayList<>();
    final EndOfTurnDetector d = new EndOfTurnDetector(TurnOptions.DEFAULTS, clock, turns::add);

    /** Ticks every 20 ms for {@code ms}; returns when the turn ended (ms after start) or -1. */
    long run(long ms) {
        for (long t = 0; t <= ms; t += 20) {
            if (d.tick()) {
                return t;
            }
            clock.advance(20);
        }
        return -1;
    }

    @Test
    void endsAfterMinDelayWhenSttConfirmsTheUtterance() {
        d.speechStarted();
        d.finalText("I'd like to book a check-up");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(run(5000)).isBetween(500L, 520L);
        assertThat(turns).containsExactly("I'd like to book a check-up");
    }

    @Test
    void waitsUpToMaxDelayWithoutSttEndOfUtterance() {
        d.speechStarted();
        d.finalText("with Doctor");
        d.speechEnded();
        assertThat(run(5000)).isBetween(3000L, 3020L);
    }

    @Test
    void callerResumingKeepsTheTurnOpenAndJoinsTheWords() {
        d.speechStarted();
        d.finalText("I'd like");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(run(300)).isEqualTo(-1);
        d.speechStarted();
        d.finalText("a hygiene appointment");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(run(2000)).isBetween(500L, 520L);
        assertThat(turns).containsExactly("I'd like a hygiene appointment");
    }

    @Test
    void isPatientWhileThePhoneNumberIsIncomplete() {
        d.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER));
        d.speechStarted();
        d.finalText("oh seven seven double oh");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(d.currentDelayMillis()).isEqualTo(2500);
        assertThat(run(2000)).isEqualTo(-1); // a normal pause between digit groups does not end the turn
        d.speechStarted();
        d.finalText("nine one two three four five six");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(d.currentDelayMillis()).as("11 digits: complete").isEqualTo(500);
        assertThat(run(2000)).isBetween(500L, 520L);
        assertThat(turns).containsExactly("oh seven seven double oh nine one two three four five six");
    }

    @Test
    void isPatientForSpellingAndDatesWithoutAYear() {
        d.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.SPELLING));
        d.speechStarted();
        d.finalText("O K A");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(run(2400)).isEqualTo(-1);
        assertThat(run(200)).isGreaterThanOrEqualTo(0);

        d.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.DATE_OF_BIRTH));
        d.speechStarted();
        d.finalText("the third of May");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(d.currentDelayMillis()).isEqualTo(2500);
        d.speechStarted();
        d.finalText("nineteen eighty four");
        d.endOfUtterance();
        d.speechEnded();
        assertThat(d.currentDelayMillis()).isEqualTo(500);
    }

    @Test
    void noTextNoTurn() {
        d.speechStarted();
        d.speechEnded();
        assertThat(run(5000)).isEqualTo(-1);
        assertThat(turns).isEmpty();
    }

    @Test
    void worksFromSttAloneWithoutVad() {
        d.finalText("yes please");
        d.endOfUtterance();
        assertThat(run(1000)).isBetween(500L, 520L);
    }

    @Test
    void refusesInconsistentSettings() {
        assertThatThrownBy(() -> new TurnOptions(500, 3000, 4000, 500, 1500, 10000, 20000)).hasMessageContaining("patience");
        assertThatThrownBy(() -> new TurnOptions(600, 300, 400, 500, 1500, 10000, 20000)).hasMessageContaining("endpointing");
    }
}
