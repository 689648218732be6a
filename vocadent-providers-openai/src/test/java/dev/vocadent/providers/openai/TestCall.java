package dev.vocadent.providers.openai;

import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One test call: state of the westbury demo clinic, a history the test writes, a fake toolbox, a recording sink. */
final class TestCall implements BrainContext, ReplySink {
    static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    static final String SYSTEM_PROMPT = "You are the receptionist of Westbury Dental. Today is Monday 2 March 2026.";

    final CallState state = new CallState("session-42", "room-1", DemoClinics.westbury(), "+447700900123");
    final List<HistoryItem> history = new ArrayList<>();
    final FakeToolbox tools = new FakeToolbox();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final List<ExpectedAnswer> expected = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private volatile Consumer<String> onDelta = d -> {};

    TestCall caller(String text) {
        history.add(HistoryItem.caller(text, NOW));
        return this;
    }

    TestCall agent(String text) {
        history.add(HistoryItem.agent(text, NOW));
        return this;
    }

    TestCall onDelta(Consumer<String> hook) {
        onDelta = hook;
        return this;
    }

    String spoken() {
        return String.join("", deltas);
    }

    @Override
    public void text(String delta) {
        deltas.add(delta);
        onDelta.accept(delta);
    }

    @Override
    public void expect(ExpectedAnswer next) {
        expected.add(next);
    }

    @Override
    public BrainContext context() {
        return this;
    }

    @Override
    public CallState state() {
        return state;
    }

    @Override
    public List<HistoryItem> history() {
        return history;
    }

    @Override
    public FakeToolbox tools() {
        return tools;
    }

    @Override
    public String systemPrompt() {
        return SYSTEM_PROMPT;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
