package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool made of a spec and a handler. Handlers validate everything before touching the state and
 * throw {@link ToolArgumentException} to refuse; a backend failure becomes an error result too.
 */
final class SimpleTool implements Tool {
    private static final Logger log = LoggerFactory.getLogger(SimpleTool.class);

    @FunctionalInterface
    interface Handler {
        ToolResult run(ToolContext ctx, JsonNode args);
    }

    private final ToolSpec spec;
    private final Handler handler;

    SimpleTool(String name, String description, ObjectNode parameters, Handler handler) {
        this.spec = new ToolSpec(name, description, parameters);
        this.handler = handler;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(spec.name(), spec.description(), spec.parameters().deepCopy());
    }

    @Override
    public ToolResult call(ToolContext context, JsonNode arguments) {
        JsonNode args = arguments == null || arguments.isNull() ? Json.mapper().createObjectNode() : arguments;
        if (!args.isObject()) {
            return ToolResult.error("Arguments of " + spec.name() + " must be a JSON object.");
        }
        try {
            return handler.run(context, args);
        } catch (ToolArgumentException e) {
            return ToolResult.error(e.getMessage());
        } catch (BackendException e) {
            log.warn("tool {} failed: backend status {}", spec.name(), e.status());
            return ToolResult.error("The practice system could not do that just now (" + (e.status() == 0
                    ? "unreachable" : "error " + e.status()) + "). Nothing was changed; apologise and offer to "
                    + "take a message for the team instead.");
        }
    }

    @Override
    public String toString() {
        return "Tool[" + spec.name() + "]";
    }
}
