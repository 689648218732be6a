package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code vocadent eval scenarios --brain openai} end to end: every shipped scenario through the real
 * OpenAI brain (openai-java SDK, SSE streaming, tool loop, history mapping), the real session and 18
 * tools, and the in-process demo backend, with the model played over the wire by {@link RuleModelServer}.
 */
class LlmScenarioSuiteTest {
    static final Path DIR = Files.isDirectory(Path.of("scenarios")) ? Path.of("scenarios") : Path.of("..", "scenarios");

    @Test
    void everyShippedScenarioPassesThroughTheLlmPath() throws Exception {
        int scenarios;
        try (var files = Files.list(DIR)) {
            scenarios = (int) files.filter(f -> f.toString().endsWith(".scenario")).count();
        }
        try (RuleModelServer server = new RuleModelServer(); RuleModelBrain brain = new RuleModelBrain(server)) {
            long started = System.nanoTime();
            EvalCommandTest.Run r = EvalCommandTest.run(name -> brain, DIR.toString(), "--brain", "openai", "--verbose");
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.println(r.out());
            System.out.printf("LLM path: %d scenarios in %d ms, %d requests, %d tool calls streamed%n",
                    scenarios, ms, server.requests.get(), server.toolCallsStreamed.get());
            assertThat(r.out()).as(r.out()).contains(scenarios + "/" + scenarios + " passed (100.0%)");
            assertThat(r.exit()).isZero();
            assertThat(server.protocolErrors.get()).isZero();
            // the tool loop really ran over the wire: every streamed call came back as a tool message
            assertThat(server.toolCallsStreamed.get()).isGreaterThan(scenarios * 3);
            assertThat(server.toolResultsReceived.get()).isEqualTo(server.toolCallsStreamed.get());
        }
    }
}
