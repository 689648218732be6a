package dev.vocadent.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionTool;
import dev.vocadent.core.tools.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tool specs (name, description, JSON Schema of the arguments) as Chat Completions function tools. */
final class ToolDefinitions {
    private ToolDefinitions() {}

    static List<ChatCompletionTool> of(List<ToolSpec> specs) {
        List<ChatCompletionTool> tools = new ArrayList<>(specs.size());
        for (ToolSpec spec : specs) {
            tools.add(ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                    .function(function(spec))
                    .build()));
        }
        return tools;
    }

    static FunctionDefinition function(ToolSpec spec) {
        FunctionDefinition.Builder f = FunctionDefinition.builder().name(spec.name());
        if (spec.description() != null && !spec.description().isBlank()) {
            f.description(spec.description());
        }
        FunctionParameters.Builder p = FunctionParameters.builder();
        if (spec.parameters() == null || spec.parameters().isEmpty()) {
            p.putAdditionalProperty("type", JsonValue.from("object"));
            p.putAdditionalProperty("properties", JsonValue.from(Map.of()));
        } else {
            for (Map.Entry<String, JsonNode> e : spec.parameters().properties()) {
                p.putAdditionalProperty(e.getKey(), JsonValue.fromJsonNode(e.getValue()));
            }
        }
        return f.parameters(p.build()).build();
    }
}
