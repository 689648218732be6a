package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a brain sees of a tool: its seed name, a description for the model, and the JSON Schema
 * of its arguments (OpenAI function-calling style: {@code {"type":"object","properties":…}}).
 */
public record ToolSpec(String name, String description, ObjectNode parameters) {}
