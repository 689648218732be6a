package dev.vocadent.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.state.CallState;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible Chat Completions server (SSE streaming) whose model is scripted by the
 * offline rule brain: one {@link RuleModelSession} per chat, addressed by the base URL
 * {@code http://127.0.0.1:<port>/chat/<key>/v1}. Text comes as several content deltas then
 * finish_reason {@code stop}; a tool call as {@code delta.tool_calls} (id, name, JSON arguments in
 * pieces) then {@code tool_calls}; every response ends with a usage chunk and {@code [DONE]}.
 * Protocol breaches (a tool message for the wrong id, a changed tool call) answer 400.
 */
final class RuleModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final Map<String, RuleModelSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger keys = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger toolCallsStreamed = new AtomicInteger();
    final AtomicInteger toolResultsReceived = new AtomicInteger();
    final AtomicInteger protocolErrors = new AtomicInteger();

    RuleModelServer() {
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.post("/chat/{key}/v1/chat/completions", this::handle);
        app.start("127.0.0.1", 0);
    }

    /** Opens a chat whose model reads this call's state; returns its base URL. */
    String open(CallState state, Clock clock) {
        String key = "c" + keys.incrementAndGet();
        sessions.put(key, new RuleModelSession(state, clock));
        return "http://127.0.0.1:" + app.port() + "/chat/" + key + "/v1";
    }

    private void handle(Context ctx) throws Exception {
        requests.incrementAndGet();
        RuleModelSession session = sessions.get(ctx.pathParam("key"));
        JsonNode body = JSON.readTree(ctx.body());
        if (session == null) {
            error(ctx, 404, "no such chat");
            return;
        }
        if (!body.path("stream").asBoolean(false)) {
            error(ctx, 400, "this server only streams");
            return;
        }
        JsonNode messages = body.path("messages");
        if (messages.size() > 0 && messages.get(messages.size() - 1).path("role").asText().equals("tool")) {
            toolResultsReceived.incrementAndGet();
        }
        List<RuleModelSession.Event> events = session.onRequest(messages);
        if (events.getLast() instanceof RuleModelSession.Failed f) {
            protocolErrors.incrementAndGet();
            error(ctx, 400, f.why());
            return;
        }
        ctx.status(200);
        ctx.res().setContentType("text/event-stream");
        OutputStream out = ctx.res().getOutputStream();
        event(out, chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        int completion = 0;
        for (RuleModelSession.Event e : events) {
            switch (e) {
                case RuleModelSession.Text t -> {
                    for (String piece : pieces(t.delta())) {
                        event(out, chunk(JSON.createObjectNode().put("content", piece), null));
                        completion++;
                    }
                }
                case RuleModelSession.Call c -> {
                    toolCallsStreamed.incrementAndGet();
                    ObjectNode start = JSON.createObjectNode().put("index", 0).put("id", c.id()).put("type", "function");
                    start.putObject("function").put("name", c.name()).put("arguments", "");
                    event(out, toolDelta(start));
                    String args = JSON.writeValueAsString(c.args());
                    int half = args.length() / 2;
                    for (String piece : List.of(args.substring(0, half), args.substring(half))) {
                        ObjectNode more = JSON.createObjectNode().put("index", 0);
                        more.putObject("function").put("arguments", piece);
                        event(out, toolDelta(more));
                    }
                    event(out, chunk(JSON.createObjectNode(), "tool_calls"));
                    completion += 5;
                }
                case RuleModelSession.Done d -> event(out, chunk(JSON.createObjectNode(), "stop"));
                case RuleModelSession.Failed f -> throw new IllegalStateException(f.why());
            }
        }
        ObjectNode usage = base();
        usage.putArray("choices");
        int prompt = ctx.body().length() / 4;
        usage.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        event(out, usage.toString());
        event(out, "[DONE]");
    }

    /** A text delta in up to three pieces, split at spaces. */
    static List<String> pieces(String text) {
        int a = text.indexOf(' ', text.length() / 3);
        int b = a < 0 ? -1 : text.indexOf(' ', Math.max(a + 1, 2 * text.length() / 3));
        if (a <= 0) {
            return List.of(text);
        }
        if (b <= a) {
            return List.of(text.substring(0, a), text.substring(a));
        }
        return List.of(text.substring(0, a), text.substring(a, b), text.substring(b));
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("param").putNull("code");
        ctx.status(status).contentType("application/json").result(e.toString());
    }

    private static String toolDelta(ObjectNode call) {
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = base();
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return c.toString();
    }

    private static ObjectNode base() {
        return JSON.createObjectNode().put("id", "chatcmpl-rule").put("object", "chat.completion.chunk")
                .put("created", 1_772_000_000L).put("model", "rule-model");
    }

    private static void event(OutputStream out, String data) throws Exception {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        app.stop();
    }
}
