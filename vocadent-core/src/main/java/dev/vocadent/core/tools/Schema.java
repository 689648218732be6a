package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.json.JsonEnum;

/** Builds OpenAI-style JSON Schemas of tool arguments: {@code {"type":"object","properties":…,"required":[…]}}. */
final class Schema {
    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ObjectNode properties;
    private final ArrayNode required;

    private Schema() {
        root.put("type", "object");
        properties = root.putObject("properties");
        required = root.putArray("required");
        root.put("additionalProperties", false);
    }

    static Schema object() {
        return new Schema();
    }

    Schema string(String name, String description, boolean isRequired) {
        ObjectNode p = properties.putObject(name);
        p.put("type", "string");
        p.put("description", description);
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    Schema date(String name, String description, boolean isRequired) {
        string(name, description + " Format YYYY-MM-DD.", isRequired);
        ((ObjectNode) properties.get(name)).put("format", "date");
        return this;
    }

    Schema enumeration(String name, String description, boolean isRequired, Class<? extends Enum<?>> type) {
        ObjectNode p = properties.putObject(name);
        p.put("type", "string");
        p.put("description", description);
        ArrayNode values = p.putArray("enum");
        for (Enum<?> e : type.getEnumConstants()) {
            values.add(JsonEnum.wireName(e));
        }
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    Schema enumeration(String name, String description, boolean isRequired, String... values) {
        ObjectNode p = properties.putObject(name);
        p.put("type", "string");
        p.put("description", description);
        ArrayNode arr = p.putArray("enum");
        for (String v : values) {
            arr.add(v);
        }
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    ObjectNode build() {
        return root.deepCopy();
    }
}
