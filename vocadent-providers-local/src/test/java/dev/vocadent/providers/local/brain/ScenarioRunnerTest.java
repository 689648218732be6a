package dev.vocadent.providers.local.brain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.providers.local.brain.eval.Scenario;
import dev.vocadent.providers.local.brain.eval.ScenarioParser;
import dev.vocadent.providers.local.brain.eval.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner must be able to fail: wrong expectations are reported, one line each, and count against the rate. */
class ScenarioRunnerTest {
    final ScenarioRunner runner = new ScenarioRunner(FakeCall::start);

    @Test
    void reportsEachUnmetExpectation() {
        Scenario s = ScenarioParser.parse("enquiry", """
                clinic: westbury
                caller: what are your opening hours
                expect outcome: booked
                expect booking: consultation=check-up
                expect said: we are closed forever
                expect not said: Monday to Friday
                expect tool: book_appointment
                expect ended: transfer
                expect hint: PHONE_NUMBER
                expect no effects
                expect request: type=cancellation
                """);
        ScenarioRunner.Result r = runner.run(s);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).containsExactly(
                "line 3 expect outcome: outcome is enquiry_only",
                "line 4 expect booking: nothing was booked",
                "line 5 expect said: the agent never said 'we are closed forever'",
                "line 6 expect not-said: the agent said 'Monday to Friday'",
                "line 7 expect tool: no successful book_appointment call with {}",
                "line 8 expect ended: no end_call with reason transfer",
                "line 9 expect hint: no PHONE_NUMBER hint was given",
                "line 10 expect no-effects: tools were called: [set_call_outcome]",
                "line 11 expect request: no request for the team was registered");
        assertThat(r.transcript()).first().asString().startsWith("agent: Hello, you're through to Westbury Dental");
    }

    @Test
    void theReportShowsPassFailAndTheSuccessRate() {
        Scenario pass = ScenarioParser.parse("ok", "clinic: dental2\ncaller: where are you\nexpect outcome: enquiry_only\n");
        Scenario fail = ScenarioParser.parse("bad", "clinic: dental2\ncaller: where are you\nexpect outcome: booked\n");
        String report = ScenarioRunner.report(runner.runAll(List.of(pass, fail)));
        assertThat(report).containsPattern("ok\\s+dental2\\s+PASS").containsPattern("bad\\s+dental2\\s+FAIL")
                .contains("1/2 passed (50.0%)");
    }

    @Test
    void anUnknownClinicOrDirectiveIsAFailureNotACrashOfTheRun() {
        Scenario s = ScenarioParser.parse("x", "clinic: nowhere\ncaller: hi\nexpect outcome: none\n");
        assertThat(runner.run(s).failures()).singleElement().asString().startsWith("crashed: java.lang.IllegalArgumentException");
    }

    @Test
    void linesAfterTheCallEndedFailTheScenario() {
        Scenario s = ScenarioParser.parse("x", "clinic: westbury\ncaller: bye\ncaller: hello?\nexpect ended: completed\n");
        assertThat(runner.run(s).failures()).containsExactly("the call ended before the caller said: hello?");
    }
}
