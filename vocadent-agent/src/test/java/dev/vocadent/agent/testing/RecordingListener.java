package dev.vocadent.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Records every session event as a line ("agent: …", "tool: name ok", "listening", "outcome: booked", …). */
public final class RecordingListener implements SessionListener {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder turn = new StringBuilder();
    private final Semaphore listening = new Semaphore(0);
    private volatile CallOutcome endedWith;

    @Override
    public void agentText(String delta) {
        synchronized (turn) {
            turn.append(delta);
        }
    }

    private void flush() {
        synchronized (turn) {
            if (!turn.isEmpty()) {
                events.add("agent: " + turn);
                turn.setLength(0);
            }
        }
    }

    @Override
    public void listening() {
        flush();
        events.add("listening");
        listening.release();
    }

    @Override
    public void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {
        events.add("tool: " + name + (ok ? " ok" : " refused"));
    }

    @Override
    public void outcome(CallOutcome outcome) {
        events.add("outcome: " + outcome.wireName());
    }

    @Override
    public void brainSwitched(String from, String to, String reason) {
        events.add("switched: " + from + " -> " + to + " (" + reason + ")");
    }

    @Override
    public void ended(CallOutcome outcome, CallState state) {
        flush();
        endedWith = outcome;
        events.add("ended: " + outcome.wireName());
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    /** Waits until the agent has finished {@code n} more turns (listening events); false on timeout. */
    public boolean awaitListening(int n, long seconds) throws InterruptedException {
        return listening.tryAcquire(n, seconds, TimeUnit.SECONDS);
    }

    public CallOutcome endedWith() {
        return endedWith;
    }
}
