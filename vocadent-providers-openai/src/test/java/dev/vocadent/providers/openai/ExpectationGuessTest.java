package dev.vocadent.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.ExpectedAnswer.Kind;
import org.junit.jupiter.api.Test;

class ExpectationGuessTest {
    private static Kind kind(String spoken) {
        return ExpectationGuess.from(spoken).kind();
    }

    @Test
    void lastQuestionDecidesTheExpectedAnswer() {
        assertThat(kind("Thanks Ann. And your date of birth?")).isEqualTo(Kind.DATE_OF_BIRTH);
        assertThat(kind("Great. What’s the best mobile number to reach you on?")).isEqualTo(Kind.PHONE_NUMBER);
        assertThat(kind("Could you spell your surname for me?")).isEqualTo(Kind.SPELLING);
        assertThat(kind("Lovely. Can I take your full name, please?")).isEqualTo(Kind.NAME);
        assertThat(kind("Which day suits you best?")).isEqualTo(Kind.DATE);
        assertThat(kind("I have Tuesday at 9:30. Would that work for you?")).isEqualTo(Kind.YES_NO);
    }

    @Test
    void statementsOpenQuestionsAndEitherOrQuestionsAreFree() {
        assertThat(ExpectationGuess.from("Your appointment is booked for Tuesday.")).isEqualTo(ExpectedAnswer.FREE);
        assertThat(kind("How can I help you today?")).isEqualTo(Kind.FREE);
        assertThat(kind("Would you prefer morning or afternoon?")).isEqualTo(Kind.FREE);
        // an earlier question in the same turn does not count, only the last one
        assertThat(kind("Was that your date of birth? Sorry, what would you like to book?")).isEqualTo(Kind.FREE);
        assertThat(kind(null)).isEqualTo(Kind.FREE);
    }
}
