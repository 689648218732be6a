package dev.vocadent.agent.session;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.testing.RecordingListener;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.core.testing.MutableClock;
import dev.vocadent.core.testing.RecordingCallControl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A Westbury call over a FakeBackend with a recording listener and call control. */
final class SessionHarness {
    final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    final FakeBackend backend = new FakeBackend(DemoClinics.westbury(), clock);
    final RecordingCallControl control = new RecordingCallControl();
    final RecordingListener events = new RecordingListener();
    final CallState state = new CallState("call-1", "room-1", DemoClinics.westbury(), "+447700900123");
    final CallSession session;

    SessionHarness(Brain brain) {
        this(brain, b -> b);
    }

    SessionHarness(Brain brain, UnaryOperator<CallSession.Builder> more) {
        session = more.apply(CallSession.builder(state).backend(backend).brain(brain).clock(clock)
                .callControl(control).listener(events).dtmfTimeout(Duration.ofSeconds(30))).build();
    }

    void say(String text) throws InterruptedException {
        session.callerSaid(text);
        turnDone();
    }

    void turnDone() throws InterruptedException {
        if (!events.awaitListening(1, 10)) {
            throw new AssertionError("the agent did not finish its turn: " + events.events());
        }
    }

    CallOutcome awaitEnd() throws Exception {
        return session.ended().get(10, TimeUnit.SECONDS);
    }
}
