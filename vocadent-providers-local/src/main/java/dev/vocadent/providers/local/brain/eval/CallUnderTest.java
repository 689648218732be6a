package dev.vocadent.providers.local.brain.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import java.util.List;

/** A call a scenario is played against: a brain wired to tools and a backend. */
public interface CallUnderTest {
    /** One tool call the brain made. */
    record ToolCall(String name, JsonNode args, ToolResult result) {}

    /** The agent's greeting. */
    String greet();

    /** One caller turn; returns what the agent said. */
    String say(String callerText);

    CallState state();

    List<ToolCall> toolCalls();

    /** Expectation hints the brain emitted, in order. */
    List<ExpectedAnswer> hints();

    /** Bookings the backend stored for this call. */
    List<Booking> bookings();

    /** Requests for the team the backend stored for this call. */
    List<OtherRequest> requests();

    /** end_call succeeded: the call is over. */
    boolean ended();

    /** Builds calls for scenarios. */
    interface Factory {
        /** @throws IllegalArgumentException when a backend directive is not supported */
        CallUnderTest start(Scenario scenario);
    }
}
