package dev.vocadent.agent.brain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import java.util.List;

/** The tools of one call, as a brain uses them. Calls are recorded in the history and the transcript. */
public interface Toolbox {
    List<ToolSpec> specs();

    /**
     * Runs a tool. Unknown tools and invalid arguments come back as {@link ToolResult#error}, never as
     * exceptions.
     *
     * @param toolCallId the brain's id for this call (LLM tool_call_id), or null
     */
    ToolResult call(String name, JsonNode arguments, String toolCallId);
}
