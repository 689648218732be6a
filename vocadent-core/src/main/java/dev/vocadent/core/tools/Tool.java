package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of the 18 seed tools. Implementations validate their arguments and leave the call state
 * unchanged when they refuse (returning {@link ToolResult#error}); they never take a clinic id.
 */
public interface Tool {
    ToolSpec spec();

    ToolResult call(ToolContext context, JsonNode arguments);
}
