package dev.vocadent.providers.local.brain.eval;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A scenario call through the real stack: a {@link CallSession} with the 18 tools over a backend,
 * driven turn by turn. Bookings and team requests are read from the tools' successful results (what
 * reached the backend through this call).
 */
public final class SessionCall implements CallUnderTest {
    private static final long TURN_TIMEOUT_SECONDS = 20;
    private final CallSession session;
    private final Semaphore turnDone = new Semaphore(0);
    private final StringBuilder turn = new StringBuilder();
    private final List<ExpectedAnswer> hints = new ArrayList<>();
    private final ToolRecorder tools;

    /**
     * @param transferReaches whether a transfer reaches a person (the scenario's "transfer-fails" says no)
     */
    public SessionCall(ClinicConfig clinic, String sessionId, String callerPhone, BackendClient backend, Brain brain,
                       Clock clock, boolean transferReaches) {
        CallState state = new CallState(sessionId, null, clinic, callerPhone);
        CallControl control = new CallControl() {
            @Override
            public void hangUp(String reason) {}

            @Override
            public CompletableFuture<Boolean> transfer(String number) {
                return CompletableFuture.completedFuture(transferReaches);
            }
        };
        CallSession[] built = new CallSession[1];
        tools = new ToolRecorder(() -> built[0].state());
        session = CallSession.builder(state).backend(backend).brain(brain).clock(clock).callControl(control)
                .listener(tools).listener(new Recorder()).build();
        built[0] = session;
    }

    private final class Recorder implements SessionListener {
        @Override
        public void agentText(String delta) {
            synchronized (turn) {
                turn.append(delta);
            }
        }

        @Override
        public void listening() {
            turnDone.release();
        }

        @Override
        public void ended(CallOutcome outcome, CallState state) {
            turnDone.release();
        }
    }

    @Override
    public String greet() {
        session.start();
        return awaitTurn();
    }

    @Override
    public String say(String callerText) {
        session.callerSaid(callerText);
        return awaitTurn();
    }

    private String awaitTurn() {
        try {
            if (!turnDone.tryAcquire(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the agent did not finish its turn within " + TURN_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        hints.add(session.expectedAnswer());
        synchronized (turn) {
            String text = turn.toString();
            turn.setLength(0);
            return text;
        }
    }

    /** Ends the session (hang-up) if the scenario left it open; the outcome is then final. */
    public CallOutcome finish() {
        if (!session.isEnded()) {
            session.end();
        }
        return session.ended().orTimeout(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    @Override
    public CallState state() {
        return session.state();
    }

    @Override
    public List<ToolCall> toolCalls() {
        return tools.toolCalls();
    }

    @Override
    public List<ExpectedAnswer> hints() {
        return List.copyOf(hints);
    }

    @Override
    public List<Booking> bookings() {
        return tools.bookings();
    }

    @Override
    public List<OtherRequest> requests() {
        return tools.requests();
    }

    @Override
    public boolean ended() {
        return session.isEnded();
    }
}
