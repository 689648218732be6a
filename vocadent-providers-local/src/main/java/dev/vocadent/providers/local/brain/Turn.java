package dev.vocadent.providers.local.brain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.tools.ToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One reply in progress: sentences streamed to the sink, tool calls made through the call's toolbox. */
final class Turn {
    private static final Logger log = LoggerFactory.getLogger(Turn.class);
    private final ReplySink out;
    private final BrainContext ctx;
    private final int[] counter;
    private boolean first = true;

    Turn(ReplySink out, BrainContext ctx, int[] counter) {
        this.out = out;
        this.ctx = ctx;
        this.counter = counter;
    }

    void say(String sentence) {
        out.text(first ? sentence : " " + sentence);
        first = false;
    }

    void expect(ExpectedAnswer expected) {
        out.expect(expected);
    }

    /** Calls a tool with string arguments given as name, value pairs (null values left out). */
    ToolResult tool(String name, String... kv) {
        ObjectNode args = Json.mapper().createObjectNode();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                args.put(kv[i], kv[i + 1]);
            }
        }
        ToolResult r = ctx.tools().call(name, args, "offline-" + (++counter[0]));
        if (r == null) {
            return ToolResult.error("no result");
        }
        if (!r.ok()) {
            log.debug("tool {} refused", name);
        }
        return r;
    }
}
