package dev.vocadent.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import java.io.PrintStream;
import java.util.concurrent.Semaphore;

/**
 * Prints a chat call: for a person (plain) or as JSON lines ({@code --json}): {@code agent} (one per
 * agent turn, full text), {@code tool}, {@code outcome}, {@code brain} (fallback switch),
 * {@code listening} (the agent waits for the next line) and last {@code end}.
 */
final class ChatPrinter implements SessionListener {
    private final PrintStream out;
    private final boolean json;
    private final StringBuilder turn = new StringBuilder();
    /** Released each time the agent waits for the caller, and when the call ends. */
    final Semaphore yourTurn = new Semaphore(0);

    ChatPrinter(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    private void flushAgent() {
        if (turn.isEmpty()) {
            return;
        }
        String text = turn.toString().strip();
        turn.setLength(0);
        if (json) {
            line(obj("agent").put("text", text));
        } else {
            out.println("agent: " + text);
        }
    }

    @Override
    public void agentText(String delta) {
        turn.append(delta);
    }

    @Override
    public void listening() {
        flushAgent();
        if (json) {
            line(obj("listening"));
        }
        out.flush();
        yourTurn.release();
    }

    @Override
    public void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {
        if (json) {
            ObjectNode o = obj("tool").put("name", name);
            o.set("args", args == null ? Json.mapper().createObjectNode() : args);
            ObjectNode result = o.putObject("result").put("ok", ok).put("message", message);
            if (data != null) {
                result.set("data", data);
            }
            line(o);
        } else {
            out.println("  · " + name + " " + (args == null ? "{}" : args) + " → " + (ok ? "" : "refused: ") + message);
        }
    }

    @Override
    public void outcome(CallOutcome outcome) {
        if (json) {
            line(obj("outcome").put("outcome", outcome.wireName()));
        } else {
            out.println("  · outcome: " + outcome.wireName());
        }
    }

    @Override
    public void brainSwitched(String from, String to, String reason) {
        if (json) {
            line(obj("brain").put("from", from).put("to", to).put("reason", reason));
        } else {
            out.println("  · brain " + from + " failed (" + reason + "); " + to + " takes over");
        }
    }

    @Override
    public void ended(CallOutcome outcome, CallState state) {
        flushAgent();
        if (json) {
            ObjectNode o = obj("end").put("outcome", outcome.wireName());
            o.set("state", Json.mapper().valueToTree(state.view()));
            if (state.bookingId() == null) {
                o.putNull("booking_id");
            } else {
                o.put("booking_id", state.bookingId());
            }
            line(o);
        } else {
            out.println("— call ended: " + outcome.wireName()
                    + (state.bookingId() == null ? "" : " (booking " + state.bookingId() + ")"));
        }
        out.flush();
        yourTurn.release();
    }

    /** One voice turn's latency ({@code call}): {@code {"type":"turn","latency":{…}}}. */
    void latency(dev.vocadent.core.api.TurnLatency t) {
        if (json) {
            ObjectNode o = obj("turn");
            o.set("latency", Json.mapper().valueToTree(t));
            line(o);
        } else {
            out.println("  (turn: end of speech → first audio " + t.eosToFirstAudio() + " ms)");
        }
    }

    /** What the recogniser heard the caller say ({@code call}). */
    void heard(String text) {
        if (json) {
            line(obj("caller").put("text", text));
        } else {
            out.println("caller (recognised): " + text);
        }
    }

    /** The caller's line, echoed in plain mode when input is not a terminal. */
    void caller(String text) {
        if (!json) {
            out.println("you: " + text);
        }
    }

    private static ObjectNode obj(String type) {
        return Json.mapper().createObjectNode().put("type", type);
    }

    private void line(ObjectNode o) {
        synchronized (out) {
            out.println(Json.write(o));
        }
    }
}
