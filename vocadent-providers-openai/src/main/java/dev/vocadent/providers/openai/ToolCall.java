package dev.vocadent.providers.openai;

/** One tool call of the model: its id (tool_call_id), the tool's name and the raw JSON arguments. */
record ToolCall(String id, String name, String arguments) {}
