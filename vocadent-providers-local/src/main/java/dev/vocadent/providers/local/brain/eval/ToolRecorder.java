package dev.vocadent.providers.local.brain.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records what a session's tools did, for a scenario's checks: every tool call, and the bookings and team
 * requests that reached the backend (read from the tools' successful results). Shared by the text and the
 * voice scenario calls.
 */
public final class ToolRecorder implements SessionListener {
    private final Supplier<CallState> state;
    private final List<CallUnderTest.ToolCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Booking> bookings = Collections.synchronizedList(new ArrayList<>());
    private final List<OtherRequest> requests = Collections.synchronizedList(new ArrayList<>());

    /** @param state the session's state at the time of a tool call */
    public ToolRecorder(Supplier<CallState> state) {
        this.state = state;
    }

    @Override
    public void toolCalled(String name, JsonNode args, boolean ok, String message, JsonNode data) {
        calls.add(new CallUnderTest.ToolCall(name, args == null ? Json.mapper().createObjectNode() : args.deepCopy(),
                new ToolResult(ok, message, data)));
        if (!ok) {
            return;
        }
        CallState s = state.get();
        if (name.equals("book_appointment") && data != null) {
            bookings.add(Json.mapper().convertValue(data, Booking.class));
        } else if (name.equals("handle_callback_request_and_forward_message_to_team")) {
            requests.add(new OtherRequest(s.requestType() == null ? RequestType.CALLBACK : s.requestType(),
                    new Patient(s.name(), s.patientPhone(), s.dateOfBirth()), args.path("message").asText(""),
                    args.path("reason").asText(null), s.sessionId()));
        }
    }

    public List<CallUnderTest.ToolCall> toolCalls() {
        return List.copyOf(calls);
    }

    public List<Booking> bookings() {
        return List.copyOf(bookings);
    }

    public List<OtherRequest> requests() {
        return List.copyOf(requests);
    }
}
