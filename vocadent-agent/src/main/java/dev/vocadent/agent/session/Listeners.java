package dev.vocadent.agent.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to every listener; a failing listener is logged and never stops the call. */
final class Listeners implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);
    private final List<SessionListener> all;

    Listeners(List<SessionListener> all) {
        this.all = List.copyOf(all);
    }

    private void each(String what, Consumer<SessionListener> event) {
        for (SessionListener l : all) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("session listener {} failed on {}", l.getClass().getName(), what, e);
            }
        }
    }

    @Override
    public void agentText(String delta) {
        each("agentText", l -> l.agentText(delta));
    }

    @Override
    public void listening() {
        each("listening", SessionListener::listening);
    }

    @Override
    public void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {
        each("toolCalled", l -> l.toolCalled(name, args, ok, message, data));
    }

    @Override
    public void outcome(CallOutcome outcome) {
        each("outcome", l -> l.outcome(outcome));
    }

    @Override
    public void brainSwitched(String from, String to, String reason) {
        each("brainSwitched", l -> l.brainSwitched(from, to, reason));
    }

    @Override
    public void ended(CallOutcome outcome, CallState state) {
        each("ended", l -> l.ended(outcome, state));
    }
}
