package dev.vocadent.providers.local.brain.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.core.tools.ToolResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
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
    private final List<ToolCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<ExpectedAnswer> hints = new ArrayList<>();
    private final List<Booking> bookings = Collections.synchronizedList(new ArrayList<>());
    private final List<OtherRequest> requests = Collections.synchronizedList(new ArrayList<>());

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
        session = CallSession.builder(state).backend(backend).brain(brain).clock(clock).callControl(control)
                .listener(new Recorder()).build();
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
        public void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {
            calls.add(new ToolCall(name, args == null ? Json.mapper().createObjectNode() : args.deepCopy(),
                    new ToolResult(ok, message, data)));
            if (!ok) {
                return;
            }
            CallState s = session.state();
            if (name.equals("book_appointment") && data != null) {
                bookings.add(Json.mapper().convertValue(data, Booking.class));
            } else if (name.equals("handle_callback_request_and_forward_message_to_team")) {
                requests.add(new OtherRequest(s.requestType() == null ? RequestType.CALLBACK : s.requestType(),
                        new Patient(s.name(), s.patientPhone(), s.dateOfBirth()), args.path("message").asText(""),
                        args.path("reason").asText(null), s.sessionId()));
            }
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
        return List.copyOf(calls);
    }

    @Override
    public List<ExpectedAnswer> hints() {
        return List.copyOf(hints);
    }

    @Override
    public List<Booking> bookings() {
        return List.copyOf(bookings);
    }

    @Override
    public List<OtherRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public boolean ended() {
        return session.isEnded();
    }
}
