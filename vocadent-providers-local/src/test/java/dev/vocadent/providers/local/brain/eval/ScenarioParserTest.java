package dev.vocadent.providers.local.brain.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    static final String FULL = """
            # a comment
            name: books a check-up
            clinic: westbury
            now: 2026-03-04T15:45
            caller-phone: +447700900123
            backend: existing-patient name=Jon Smith dob=1980-05-05 phone=+447700900123
            caller: hi, I'd like a check-up

            caller: yes
            expect outcome: booked
            expect booking: consultation=check-up doctor=wb-dr-patel
            expect tool: update_name name=Jon Smith
            expect not: tool=book_appointment
            expect said: booked in
            expect no effects
            """;

    @Test
    void readsEveryKindOfLine() {
        Scenario s = ScenarioParser.parse("file", FULL);
        assertThat(s.name()).isEqualTo("books a check-up");
        assertThat(s.clinic()).isEqualTo("westbury");
        assertThat(s.now()).isEqualTo(LocalDateTime.of(2026, 3, 4, 15, 45));
        assertThat(s.callerPhone()).isEqualTo("+447700900123");
        assertThat(s.backend()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("existing-patient");
            assertThat(d.args()).containsEntry("name", "Jon Smith").containsEntry("dob", "1980-05-05");
        });
        assertThat(s.callerLines()).containsExactly("hi, I'd like a check-up", "yes");
        assertThat(s.checks()).extracting(Scenario.Check::kind)
                .containsExactly("outcome", "booking", "tool", "not", "said", "no-effects");
        assertThat(s.checks().get(2).value()).isEqualTo("update_name");
        assertThat(s.checks().get(2).args()).isEqualTo(Map.of("name", "Jon Smith"));
        assertThat(s.checks().get(0).line()).isEqualTo(10);
    }

    @Test
    void theFileNameIsTheDefaultNameAndNowHasADefault() {
        Scenario s = ScenarioParser.parse("my-file", "clinic: dental2\ncaller: hello\nexpect outcome: none\n");
        assertThat(s.name()).isEqualTo("my-file");
        assertThat(s.now()).isEqualTo(ScenarioParser.DEFAULT_NOW);
    }

    @Test
    void badLinesAreRejectedWithFileAndLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("f", "clinic: westbury\ncaller hello\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("f:2: expected 'key: value'");
        assertThatThrownBy(() -> ScenarioParser.parse("f", "clinic: westbury\ncaller: hi\nexpect magic: yes\n"))
                .hasMessage("f:3: unknown expectation 'magic'");
        assertThatThrownBy(() -> ScenarioParser.parse("f", "clinic: westbury\nnow: tuesday\n"))
                .hasMessageContaining("f:2: now:");
        assertThatThrownBy(() -> ScenarioParser.parse("f", "colour: blue\n")).hasMessage("f:1: unknown key 'colour'");
    }

    @Test
    void incompleteScenariosAreRejected() {
        assertThatThrownBy(() -> ScenarioParser.parse("f", "caller: hi\nexpect outcome: none\n")).hasMessage("f: clinic: is required");
        assertThatThrownBy(() -> ScenarioParser.parse("f", "clinic: westbury\nexpect outcome: none\n"))
                .hasMessage("f: at least one caller: line is required");
        assertThatThrownBy(() -> ScenarioParser.parse("f", "clinic: westbury\ncaller: hi\n"))
                .hasMessage("f: at least one expect line is required");
    }

    @Test
    void argumentValuesMayContainSpaces() {
        assertThat(ScenarioParser.args("consultation=scale and polish doctor=rv-dr-walsh"))
                .containsEntry("consultation", "scale and polish").containsEntry("doctor", "rv-dr-walsh");
        assertThatThrownBy(() -> ScenarioParser.args("oops")).isInstanceOf(IllegalArgumentException.class);
    }
}
