package dev.vocadent.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.app.wiring.PostCallWiring;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.postcall.Preview;
import dev.vocadent.postcall.Receipt;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code vocadent demo} prints of each call to the agent (its own demo call and softphone calls):
 * the live transcript and tool calls ({@link ChatPrinter}), then the booking, the Slack message
 * post-call sends (or would send, with no webhook configured) and where the transcript and recording
 * are stored. Also the demo caller's "ears": the agent's words of each call since last taken.
 */
final class DemoWatch implements CallWatch {
    private final PrintStream out;
    private final Duration deliveryWait;
    private final Map<String, StringBuilder> agentWords = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CallState>> reported = new ConcurrentHashMap<>();
    private final Map<String, ChatPrinter> printers = new ConcurrentHashMap<>();

    DemoWatch(PrintStream out, Duration deliveryWait) {
        this.out = out;
        this.deliveryWait = deliveryWait;
    }

    @Override
    public SessionListener session(String callId) {
        out.println("--- call answered (Call-ID " + callId + ") ---");
        ChatPrinter printer = new ChatPrinter(out, false);
        printers.put(callId, printer);
        StringBuilder words = agentWords.computeIfAbsent(callId, id -> new StringBuilder());
        return new SessionListener() {
            @Override
            public void agentText(String delta) {
                printer.agentText(delta);
                synchronized (words) {
                    words.append(delta);
                }
            }

            @Override
            public void listening() {
                printer.listening();
            }

            @Override
            public void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {
                printer.toolCalled(name, args, ok, message, data);
            }

            @Override
            public void outcome(CallOutcome outcome) {
                printer.outcome(outcome);
            }

            @Override
            public void brainSwitched(String from, String to, String reason) {
                printer.brainSwitched(from, to, reason);
            }

            @Override
            public void ended(CallOutcome outcome, CallState state) {
                printer.ended(outcome, state);
            }
        };
    }

    @Override
    public void callerTurn(String callId, String text) {
        ChatPrinter p = printers.get(callId);
        if (p != null) {
            p.heard(text);
        }
    }

    /** The agent's words in the call since this was last asked (what a caller would have heard). */
    String takeAgentWords(String callId) {
        StringBuilder words = agentWords.computeIfAbsent(callId, id -> new StringBuilder());
        synchronized (words) {
            String s = words.toString();
            words.setLength(0);
            return s;
        }
    }

    /** Completes with the call's final state once its post-call result has been printed. */
    CompletableFuture<CallState> reported(String callId) {
        return reported.computeIfAbsent(callId, id -> new CompletableFuture<>());
    }

    /** What was booked: consultation, doctor and time (from the slot the call booked, as the backend offered it). */
    static String booking(CallState state) {
        return state.lastOfferedSlots().stream().filter(slot -> slot.slotId().equals(state.slotId())).findFirst()
                .map(slot -> state.consultationType() + " with " + slot.doctorName() + ", " + slot.dayLabel())
                .orElse(state.consultationType() + ", " + state.slotDayAndTiming());
    }

    @Override
    public void postCallFailed(CallState state, String why) {
        synchronized (out) {
            out.println("post-call: the call was not queued: " + why);
            out.flush();
        }
        printers.remove(state.sessionId());
        agentWords.remove(state.sessionId());
        reported(state.sessionId()).complete(state);
    }

    @Override
    public void postCall(CallState state, Preview preview, Receipt receipt, PostCallWiring wiring) {
        String id = state.sessionId();
        try {
            StringBuilder b = new StringBuilder();
            b.append("outcome: ").append(state.callOutcome() == null ? "none" : state.callOutcome().wireName()).append('\n');
            if (state.bookingId() != null) {
                b.append("booking: ").append(booking(state)).append(" (reference ").append(state.bookingId()).append(")\n");
            }
            b.append(preview.describe());
            if (receipt.recordingLocation() != null && preview.recordingLocation() == null) {
                b.append("recording: ").append(receipt.recordingLocation()).append('\n');
            }
            if (receipt.slack()) {
                List<OutboxItem> left = wiring.awaitFirstAttempts(id, deliveryWait);
                OutboxItem slack = left.stream().filter(i -> i.kind().wireName().equals("slack")).findFirst().orElse(null);
                b.append(slack == null ? "Slack: sent to the clinic's webhook\n"
                        : slack.parkedReason() != null ? "Slack: not sent (" + slack.parkedReason() + ")\n"
                        : "Slack: not delivered yet, will be retried (./vocadent outbox lists it)\n");
            } else {
                b.append("Slack: the clinic has no Slack webhook configured: nothing is sent\n");
            }
            synchronized (out) {
                out.print(b);
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            printers.remove(id);
            agentWords.remove(id);
            reported(id).complete(state);
        }
    }
}
