package dev.vocadent.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import dev.vocadent.providers.local.brain.OfflineBrain;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The "model" of one chat: an offline rule-brain conversation driven by Chat Completions requests.
 * A request ending with a user message starts a turn of the rule brain on a worker thread; each tool
 * call it makes ends the current response (as a streamed tool call) and waits for the next request,
 * whose {@code tool} message with that id becomes the rule brain's ToolResult. The rule brain reads
 * the call's state directly (a real model reads it from the tool results in the messages).
 */
final class RuleModelSession {
    /** What the rule brain produced for the response under way. */
    sealed interface Event permits Text, Call, Done, Failed {}

    record Text(String delta) implements Event {}

    record Call(String id, String name, JsonNode args) implements Event {}

    record Done() implements Event {}

    record Failed(String why) implements Event {}

    private static final long WAIT_SECONDS = 15;

    private final CallState state;
    private final Clock clock;
    private final BlockingQueue<Event> out = new LinkedBlockingQueue<>();
    private final BlockingQueue<ToolResult> in = new LinkedBlockingQueue<>();
    private volatile Brain.Conversation conversation;
    private volatile List<HistoryItem> history = List.of();
    private volatile String systemPrompt = "";
    private volatile Call pending;
    private volatile boolean turnRunning;
    private int calls;

    RuleModelSession(CallState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /**
     * Handles one request's messages and returns the events of the response (ending with a Call,
     * Done or Failed).
     */
    synchronized List<Event> onRequest(JsonNode messages) throws InterruptedException {
        if (!messages.isArray() || messages.isEmpty()) {
            return List.of(new Failed("no messages"));
        }
        JsonNode last = messages.get(messages.size() - 1);
        String role = last.path("role").asText();
        if (role.equals("user")) {
            if (turnRunning) {
                return List.of(new Failed("a user message arrived while a tool call was pending"));
            }
            startTurn(messages);
        } else if (role.equals("tool")) {
            Failed bad = deliverToolResult(messages);
            if (bad != null) {
                return List.of(bad);
            }
        } else {
            return List.of(new Failed("the last message is neither user nor tool but " + role));
        }
        List<Event> events = new ArrayList<>();
        while (true) {
            Event e = out.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (e == null) {
                return List.of(new Failed("the rule brain did not answer"));
            }
            events.add(e);
            if (!(e instanceof Text)) {
                return events;
            }
        }
    }

    private void startTurn(JsonNode messages) {
        systemPrompt = messages.get(0).path("role").asText().equals("system") ? messages.get(0).path("content").asText() : "";
        history = historyOf(messages);
        if (conversation == null) {
            conversation = new OfflineBrain().newConversation(context());
            // the rule brain greets as the session did (the clinic's greeting), so it knows it asked what the caller wants
            conversation.greet(sink(false));
        }
        turnRunning = true;
        Thread.ofVirtual().name("rule-model-turn").start(() -> {
            try {
                conversation.respond(sink(true));
                out.add(new Done());
            } catch (Exception e) {
                out.add(new Failed("the rule brain failed: " + e));
            } finally {
                turnRunning = false;
            }
        });
    }

    /** The tool message must answer the pending call, right after an assistant message carrying that call unchanged. */
    private Failed deliverToolResult(JsonNode messages) {
        Call p = pending;
        if (p == null) {
            return new Failed("a tool message arrived but no tool call is pending");
        }
        JsonNode tool = messages.get(messages.size() - 1);
        if (!tool.path("tool_call_id").asText().equals(p.id())) {
            return new Failed("tool message for " + tool.path("tool_call_id").asText() + ", expected " + p.id());
        }
        JsonNode assistant = messages.get(messages.size() - 2);
        JsonNode call = assistant.path("tool_calls").path(0);
        if (!assistant.path("role").asText().equals("assistant") || !call.path("id").asText().equals(p.id())
                || !call.path("function").path("name").asText().equals(p.name())
                || !parse(call.path("function").path("arguments").asText("{}")).equals(p.args())) {
            return new Failed("the assistant message before the tool result does not carry the call " + p.id());
        }
        JsonNode content = parse(tool.path("content").asText());
        if (!content.path("ok").isBoolean() || !content.path("message").isTextual()) {
            return new Failed("tool content is not {ok, message, data}: " + tool.path("content").asText());
        }
        pending = null;
        JsonNode data = content.get("data");
        in.add(new ToolResult(content.get("ok").asBoolean(), content.get("message").asText(), data));
        return null;
    }

    /** user → caller, assistant text → agent, assistant tool calls + tool messages → tool entries. */
    private static List<HistoryItem> historyOf(JsonNode messages) {
        List<HistoryItem> h = new ArrayList<>();
        Instant at = Instant.EPOCH;
        for (JsonNode m : messages) {
            String text = m.path("content").isTextual() ? m.path("content").asText() : "";
            switch (m.path("role").asText()) {
                case "user" -> h.add(HistoryItem.caller(text, at));
                case "assistant" -> {
                    if (!text.isEmpty()) {
                        h.add(HistoryItem.agent(text, at));
                    }
                    for (JsonNode c : m.path("tool_calls")) {
                        h.add(new HistoryItem(HistoryItem.Role.TOOL, "", c.path("function").path("name").asText(),
                                parse(c.path("function").path("arguments").asText("{}")),
                                c.path("id").asText(), at));
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(h);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            return Json.mapper().createObjectNode().put("unparseable", json);
        }
    }

    private BrainContext context() {
        Toolbox tools = new Toolbox() {
            @Override
            public List<ToolSpec> specs() {
                return List.of();
            }

            @Override
            public ToolResult call(String name, JsonNode arguments, String toolCallId) {
                Call c = new Call("call_rule_" + (++calls), name, arguments == null ? Json.mapper().createObjectNode() : arguments);
                pending = c;
                out.add(c);
                try {
                    ToolResult r = in.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                    return r != null ? r : ToolResult.error("no tool result came back");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ToolResult.error("interrupted");
                }
            }
        };
        return new BrainContext() {
            @Override
            public CallState state() {
                return state;
            }

            @Override
            public List<HistoryItem> history() {
                return history;
            }

            @Override
            public Toolbox tools() {
                return tools;
            }

            @Override
            public String systemPrompt() {
                return systemPrompt;
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
    }

    private ReplySink sink(boolean streamed) {
        BrainContext ctx = context();
        return new ReplySink() {
            @Override
            public void text(String delta) {
                if (streamed && delta != null && !delta.isEmpty()) {
                    out.add(new Text(delta));
                }
            }

            @Override
            public BrainContext context() {
                return ctx;
            }
        };
    }
}
