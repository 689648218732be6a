package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a tool call returns to the brain.
 *
 * @param ok      false when the arguments were rejected or the action failed (state unchanged)
 * @param message one or two sentences for the brain, e.g. "Booked: Tuesday 3 March at 2:30pm with Dr Patel."
 * @param data    structured result (slots offered, booking…), null when there is none
 */
public record ToolResult(boolean ok, String message, JsonNode data) {
    public static ToolResult ok(String message) {
        return new ToolResult(true, message, null);
    }

    public static ToolResult ok(String message, JsonNode data) {
        return new ToolResult(true, message, data);
    }

    public static ToolResult error(String message) {
        return new ToolResult(false, message, null);
    }
}
