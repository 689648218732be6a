package dev.vocadent.providers.local.brain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.providers.local.brain.eval.Scenario;
import dev.vocadent.providers.local.brain.eval.ScenarioParser;
import dev.vocadent.providers.local.brain.eval.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every scenario under the repository's scenarios/ directory, through the real stack: CallSession, the 18
 * tools and FakeBackend, with the offline brain.
 */
class ScenarioSuiteTest {
    static final Path DIR = Files.isDirectory(Path.of("scenarios")) ? Path.of("scenarios") : Path.of("..", "scenarios");

    @Test
    void everyScenarioPassesWithTheOfflineBrain() {
        List<Scenario> scenarios = ScenarioParser.readDirectory(DIR);
        List<ScenarioRunner.Result> results = new ScenarioRunner(SessionScenarios::start).runAll(scenarios);
        String report = ScenarioRunner.report(results);
        System.out.println(report);
        for (ScenarioRunner.Result r : results) {
            if (!r.passed()) {
                System.out.println("--- " + r.scenario().name());
                r.transcript().forEach(System.out::println);
            }
        }
        assertThat(results.stream().filter(r -> !r.passed()).map(r -> r.scenario().name()).toList()).as(report).isEmpty();
    }

    @Test
    void theSuiteCoversEveryOutcomeBothClinicsAndAtLeastFortyScenarios() {
        List<Scenario> scenarios = ScenarioParser.readDirectory(DIR);
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(40);
        assertThat(scenarios.stream().map(Scenario::clinic).collect(Collectors.toSet())).containsExactlyInAnyOrder("westbury", "dental2");
        Set<String> outcomes = scenarios.stream().flatMap(s -> s.checks().stream())
                .filter(c -> c.kind().equals("outcome")).map(Scenario.Check::value).collect(Collectors.toSet());
        assertThat(outcomes).contains("booked", "callback_requested", "no_slots", "enquiry_only", "transferred");
    }
}
