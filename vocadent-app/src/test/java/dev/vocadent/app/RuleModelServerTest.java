package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scripted-model server keeps to the protocol, and the LLM scenario run can fail. */
class RuleModelServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HttpResponse<String> post(String baseUrl, ArrayNode messages) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "rule-model").put("stream", true);
        body.set("messages", messages);
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aToolCallIsStreamedAndATool_messageForAnotherIdIsRefused() throws Exception {
        try (RuleModelServer server = new RuleModelServer()) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
            String base = server.open(new CallState("s1", null, DemoClinics.westbury(), null), clock);
            ArrayNode messages = JSON.createArrayNode();
            messages.addObject().put("role", "system").put("content", "You are the receptionist.");
            messages.addObject().put("role", "user").put("content", "I'd like an NHS check-up");
            HttpResponse<String> first = post(base, messages);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            assertThat(first.body()).contains("\"tool_calls\":[{\"index\":0,\"id\":\"call_rule_1\"", "\"finish_reason\":\"tool_calls\"",
                    "\"usage\":", "data: [DONE]");

            ObjectNode assistant = messages.addObject().put("role", "assistant");
            ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_rule_1").put("type", "function");
            JsonNode streamedName = JSON.readTree(first.body().lines().filter(l -> l.contains("call_rule_1")).findFirst()
                    .orElseThrow().substring(6)).at("/choices/0/delta/tool_calls/0/function/name");
            call.putObject("function").put("name", streamedName.asText()).put("arguments", "{}");
            messages.addObject().put("role", "tool").put("tool_call_id", "call_other").put("content", "{\"ok\":true,\"message\":\"done\"}");
            HttpResponse<String> wrong = post(base, messages);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("expected call_rule_1");
            assertThat(server.protocolErrors.get()).isEqualTo(1);
        }
    }

    @Test
    void aScenarioWhoseExpectationCannotHoldFailsThroughTheLlmPath() throws Exception {
        Files.writeString(dir.resolve("wrong.scenario"), """
                name: an expectation that cannot hold
                clinic: dental2
                caller: what are your opening hours
                expect outcome: booked
                """);
        try (RuleModelServer server = new RuleModelServer(); RuleModelBrain brain = new RuleModelBrain(server)) {
            EvalCommandTest.Run r = EvalCommandTest.run(name -> brain, dir.toString(), "--brain", "openai");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("expect outcome: outcome is enquiry_only", "0/1 passed (0.0%)");
            assertThat(server.requests.get()).isPositive();
        }
    }
}
