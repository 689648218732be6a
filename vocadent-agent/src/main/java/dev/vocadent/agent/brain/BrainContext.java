package dev.vocadent.agent.brain;

import dev.vocadent.core.state.CallState;
import java.time.Clock;
import java.util.List;

/** What a brain sees of the call: state, history, tools, clock. Provided by the session. */
public interface BrainContext {
    /** This call's state (clinic config inside: {@code state().customerContext()}). Read it; change it only through tools. */
    CallState state();

    /** The conversation so far, oldest first; the caller's latest turn is last when respond() is called. */
    List<HistoryItem> history();

    /** The 18 tools of this call. */
    Toolbox tools();

    /** The system prompt: the clinic's prompt plus its facts (hours, address, types, doctors) and today's UK date. */
    String systemPrompt();

    Clock clock();

    /**
     * A fallback brain tells the session it switched brains (from → to, reason), so listeners learn of it.
     * Default: nothing.
     */
    default void brainSwitched(String from, String to, String reason) {}
}
