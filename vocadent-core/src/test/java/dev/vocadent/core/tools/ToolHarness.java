package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.state.CallStateView;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.core.testing.MutableClock;
import dev.vocadent.core.testing.RecordingCallControl;
import java.time.Clock;

/** One call's tool context over a FakeBackend, for tool tests. */
final class ToolHarness implements ToolContext {
    final MutableClock clock;
    final CallState state;
    final FakeBackend backend;
    final RecordingCallControl control = new RecordingCallControl();

    /** Westbury, Monday 2 March 2026 08:00 UTC (GMT), caller +447700900123. */
    ToolHarness() {
        this("2026-03-02T08:00:00Z");
    }

    ToolHarness(String now) {
        clock = MutableClock.at(now);
        state = new CallState("session-1", "room-1", DemoClinics.westbury(), "+447700900123");
        backend = new FakeBackend(DemoClinics.westbury(), clock);
    }

    ToolResult call(String tool, String argsJson) {
        try {
            JsonNode args = argsJson == null ? null : Json.mapper().readTree(argsJson);
            return Tools.byName(tool).call(this, args);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    CallStateView view() {
        return state.view();
    }

    /** Fills everything book_appointment needs and chooses the first offered slot. */
    ToolResult readyToBook() {
        call("update_name", "{\"name\":\"Jane Smith\"}");
        call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}");
        call("update_consultation_type", "{\"consultation_type\":\"check up\"}");
        call("update_booking_type", "{\"booking_type\":\"nhs\"}");
        ToolResult r = call("get_appointment_availability", "{}");
        String slot = r.data().get("slots").get(0).get("slot_id").asText();
        return call("update_slot_id_and_slot_day_and_timing", "{\"slot_id\":\"" + slot + "\",\"slot_day_and_timing\":\"x\"}");
    }

    @Override
    public CallState state() {
        return state;
    }

    @Override
    public BackendClient backend() {
        return backend;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public CallControl call() {
        return control;
    }
}
