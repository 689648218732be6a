package dev.vocadent.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A few tools with the seed's names and argument schemas; records every call, answers as scripted. */
final class FakeToolbox implements Toolbox {
    record Call(String name, JsonNode arguments, String toolCallId) {}

    private final List<ToolSpec> specs = List.of(
            spec("update_name", "Saves the caller's name.",
                    "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}"),
            spec("get_appointment_availability", "Free slots for the chosen consultation type.",
                    "{\"type\":\"object\",\"properties\":{\"from_date\":{\"type\":\"string\",\"format\":\"date\"},"
                            + "\"part_of_day\":{\"type\":\"string\",\"enum\":[\"morning\",\"afternoon\",\"any\"]}}}"),
            spec("get_current_date_and_time_in_uk", "Today's date and time in the UK.",
                    "{\"type\":\"object\",\"properties\":{}}"));
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Function<JsonNode, ToolResult>> answers = new ConcurrentHashMap<>();

    FakeToolbox answer(String tool, Function<JsonNode, ToolResult> answer) {
        answers.put(tool, answer);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public List<ToolSpec> specs() {
        return specs;
    }

    @Override
    public ToolResult call(String name, JsonNode arguments, String toolCallId) {
        calls.add(new Call(name, arguments, toolCallId));
        Function<JsonNode, ToolResult> answer = answers.get(name);
        if (answer != null) {
            return answer.apply(arguments);
        }
        return specs.stream().anyMatch(s -> s.name().equals(name))
                ? ToolResult.ok("Done: " + name + ".")
                : ToolResult.error("Unknown tool " + name + ".");
    }

    static ToolSpec spec(String name, String description, String schema) {
        try {
            return new ToolSpec(name, description, (ObjectNode) FakeChatServer.JSON.readTree(schema));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
