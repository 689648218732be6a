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
    void eitherOrQuestionsAreAChoiceOfTheirOptions() {
        assertThat(ExpectationGuess.from("Would you prefer morning or afternoon?"))
                .isEqualTo(ExpectedAnswer.of(Kind.CHOICE, "morning", "afternoon"));
        assertThat(ExpectationGuess.from("There's nothing free on Sunday. Would you like to try another day, or shall I ask the team to call you back?"))
                .isEqualTo(ExpectedAnswer.of(Kind.CHOICE, "try another day", "shall i ask the team to call you back"));
    }

    @Test
    void whichAfterAListOfOptionsIsAChoiceOfThem() {
        assertThat(ExpectationGuess.from("I have Monday at 9:30am, Monday at 10am or Tuesday at 2pm. Which would you like?"))
                .isEqualTo(ExpectedAnswer.of(Kind.CHOICE, "monday at 9:30am", "monday at 10am", "tuesday at 2pm"));
        assertThat(ExpectationGuess.from("Which dentist would you like?")).isEqualTo(ExpectedAnswer.of(Kind.CHOICE));
    }

    @Test
    void statementsAndOpenQuestionsAreFree() {
        assertThat(ExpectationGuess.from("Your appointment is booked for Tuesday.")).isEqualTo(ExpectedAnswer.FREE);
        assertThat(kind("How can I help you today?")).isEqualTo(Kind.FREE);
        // an earlier question in the same turn does not count, only the last one
        assertThat(kind("Was that your date of birth? Sorry, what would you like to book?")).isEqualTo(Kind.FREE);
        assertThat(kind(null)).isEqualTo(Kind.FREE);
    }
}
