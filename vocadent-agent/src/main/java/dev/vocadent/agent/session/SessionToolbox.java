package dev.vocadent.agent.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.state.TranscriptEntry;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.core.tools.Tool;
import dev.vocadent.core.tools.ToolContext;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tools of one call: runs them on the session thread, records them in history and transcript, tells listeners. */
final class SessionToolbox implements Toolbox, ToolContext {
    private static final Logger log = LoggerFactory.getLogger(SessionToolbox.class);

    private final SessionEngine engine;
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;
    private final BackendClient backend;
    private final Clock clock;
    private final CallControl control;
    private final MeterRegistry meters;

    SessionToolbox(SessionEngine engine, List<Tool> tools, BackendClient backend, Clock clock, CallControl control,
                   MeterRegistry meters) {
        this.engine = engine;
        this.meters = meters;
        for (Tool t : tools) {
            this.tools.put(t.spec().name(), t);
        }
        this.specs = tools.stream().map(Tool::spec).toList();
        this.backend = backend;
        this.clock = clock;
        this.control = control;
    }

    @Override
    public List<ToolSpec> specs() {
        return specs;
    }

    @Override
    public ToolResult call(String name, JsonNode arguments, String toolCallId) {
        engine.flushAgentText();
        Tool tool = tools.get(name);
        CallState s = engine.state();
        CallOutcome before = s.callOutcome();
        ToolResult result;
        if (engine.isEnded()) {
            result = ToolResult.error("The call has ended.");
        } else if (tool == null) {
            result = ToolResult.error("There is no tool called '" + name + "'. Tools: "
                    + String.join(", ", tools.keySet()) + ".");
        } else {
            long t0 = System.nanoTime();
            try {
                result = tool.call(this, arguments);
            } catch (RuntimeException e) {
                log.error("tool {} failed in session {}", name, s.sessionId(), e);
                result = ToolResult.error("The tool failed unexpectedly; nothing was changed.");
            }
            Timer.builder("vocadent.tool.duration").description("time a tool took, backend calls included")
                    .tag("tool", name).register(meters).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
        Counter.builder("vocadent.tool.calls").description("tool calls by tool and result")
                .tag("tool", tool == null ? "unknown" : name).tag("ok", Boolean.toString(result.ok()))
                .register(meters).increment();
        log.debug("session {} tool {} ok={}", s.sessionId(), name, result.ok());
        engine.recordTool(name, arguments, toolCallId, result);
        if (s.callOutcome() != before) {
            engine.listeners().outcome(s.callOutcome());
        }
        return result;
    }

    // ToolContext: what the tools may touch

    @Override
    public CallState state() {
        return engine.state();
    }

    @Override
    public BackendClient backend() {
        return backend;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public CallControl call() {
        return control;
    }

    static HistoryItem historyItem(String name, JsonNode args, String toolCallId, ToolResult r, Clock clock) {
        return new HistoryItem(HistoryItem.Role.TOOL, r.message(), name, args, toolCallId, clock.instant());
    }

    static TranscriptEntry transcriptEntry(String name, JsonNode args, ToolResult r, Clock clock) {
        return TranscriptEntry.tool(clock.instant(), name, args, r.ok(), r.message(), r.data());
    }
}
