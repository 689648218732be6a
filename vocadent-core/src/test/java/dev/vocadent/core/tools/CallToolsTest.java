package dev.vocadent.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.outcome.CallOutcome;
import org.junit.jupiter.api.Test;

class CallToolsTest {
    @Test
    void ukTimeIsGmtBeforeTheSpringChangeAndBstAfter() {
        ToolHarness before = new ToolHarness("2026-03-29T00:59:00Z");
        var r = before.call("get_current_date_and_time_in_uk", "{}");
        assertThat(r.message()).isEqualTo("It is Sunday 29 March 2026, 00:59 GMT in the UK.");
        assertThat(r.data().get("utc_offset").asText()).isEqualTo("Z");
        ToolHarness after = new ToolHarness("2026-03-29T01:00:00Z");
        var r2 = after.call("get_current_date_and_time_in_uk", "{}");
        assertThat(r2.message()).isEqualTo("It is Sunday 29 March 2026, 02:00 BST in the UK.");
        assertThat(r2.data().get("utc_offset").asText()).isEqualTo("+01:00");
    }

    @Test
    void ukTimeIsBstBeforeTheAutumnChangeAndGmtAfter() {
        ToolHarness h = new ToolHarness("2026-10-25T00:30:00Z");
        assertThat(h.call("get_current_date_and_time_in_uk", "{}").message()).isEqualTo("It is Sunday 25 October 2026, 01:30 BST in the UK.");
        h.clock.advance(java.time.Duration.ofHours(1));
        assertThat(h.call("get_current_date_and_time_in_uk", "{}").message()).isEqualTo("It is Sunday 25 October 2026, 01:30 GMT in the UK.");
        assertThat(h.call("get_current_date_and_time_in_uk", "{}").data().get("date").asText()).isEqualTo("2026-10-25");
    }

    @Test
    void ukDateRollsOverAtLocalMidnightInSummer() {
        ToolHarness h = new ToolHarness("2026-07-01T23:30:00Z");
        assertThat(h.call("get_current_date_and_time_in_uk", "{}").data().get("date").asText()).isEqualTo("2026-07-02");
    }

    @Test
    void callbackRegistersARequestWithTheCallersDetails() {
        ToolHarness h = new ToolHarness();
        h.call("update_name", "{\"name\":\"Jane Smith\"}");
        var r = h.call("handle_callback_request_and_forward_message_to_team", "{\"message\":\"Wants to talk about a bill\"}");
        assertThat(r.ok()).isTrue();
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(h.backend.otherRequests()).singleElement().satisfies(o -> {
            assertThat(o.requestType()).isEqualTo(RequestType.CALLBACK);
            assertThat(o.patient().name()).isEqualTo("Jane Smith");
            assertThat(o.patient().phone()).isEqualTo("+447700900123");
            assertThat(o.reason()).isEqualTo("caller_request");
            assertThat(o.callSessionId()).isEqualTo("session-1");
        });
    }

    @Test
    void callbackWithReasonNoSlotsRecordsNoSlotsAndUsesTheRequestType() {
        ToolHarness h = new ToolHarness();
        h.call("update_request_type", "{\"request_type\":\"reschedule\"}");
        h.call("handle_callback_request_and_forward_message_to_team", "{\"message\":\"Needs Saturday\",\"reason\":\"no_slots\"}");
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.NO_SLOTS);
        assertThat(h.backend.otherRequests().getFirst().requestType()).isEqualTo(RequestType.RESCHEDULE);
    }

    @Test
    void callbackWithoutAPhoneNumberOrMessageIsRefused() {
        ToolHarness h = new ToolHarness();
        assertThat(h.call("handle_callback_request_and_forward_message_to_team", "{}").message()).contains("'message'");
        h.state.patientPhone(null);
        assertThat(h.call("handle_callback_request_and_forward_message_to_team", "{\"message\":\"hi\"}").message())
                .contains("phone number is needed");
        assertThat(h.backend.otherRequests()).isEmpty();
        assertThat(h.state.callOutcome()).isNull();
    }

    @Test
    void backendFailureOfACallbackChangesNothing() {
        ToolHarness h = new ToolHarness();
        h.backend.failNext(503);
        var r = h.call("handle_callback_request_and_forward_message_to_team", "{\"message\":\"hi\"}");
        assertThat(r.ok()).isFalse();
        assertThat(h.state.callOutcome()).isNull();
    }

    @Test
    void endCallHangsUpThroughCallControl() {
        ToolHarness h = new ToolHarness();
        assertThat(h.call("end_call", "{}").ok()).isTrue();
        assertThat(h.control.hangUps()).containsExactly("completed");
        assertThat(h.call("end_call", "{\"reason\":\"lunch\"}").ok()).isFalse();
    }

    @Test
    void transferThatReachesAPersonIsTransferred() {
        ToolHarness h = new ToolHarness();
        h.control.transferReaches(true);
        var r = h.call("end_call", "{\"reason\":\"transfer\"}");
        assertThat(r.ok()).isTrue();
        assertThat(h.control.transfers()).containsExactly("+441632960100");
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.TRANSFERRED);
        assertThat(h.control.hangUps()).containsExactly("transferred");
    }

    @Test
    void failedTransferRegistersACallbackAndSaysSo() {
        ToolHarness h = new ToolHarness();
        var r = h.call("end_call", "{\"reason\":\"transfer\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("transfer did not happen").contains("call them back");
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(h.backend.otherRequests()).singleElement().extracting(o -> o.reason()).isEqualTo("transfer_failed");
        assertThat(h.control.hangUps()).isEmpty();
    }

    @Test
    void setCallOutcomeNeverWeakensAndNeverInventsABooking() {
        ToolHarness h = new ToolHarness();
        assertThat(h.call("set_call_outcome", "{\"outcome\":\"booked\"}").ok()).isFalse();
        assertThat(h.call("set_call_outcome", "{\"outcome\":\"transferred\"}").ok()).isFalse();
        assertThat(h.call("set_call_outcome", "{\"outcome\":\"enquiry_only\"}").ok()).isTrue();
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.ENQUIRY_ONLY);
        h.readyToBook();
        h.call("book_appointment", "{}");
        var r = h.call("set_call_outcome", "{\"outcome\":\"callback_requested\"}");
        assertThat(r.message()).contains("stays booked");
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(h.call("set_call_outcome", "{\"outcome\":\"great\"}").message()).contains("hung_up, enquiry_only");
    }

    @Test
    void requestTypeIsRecorded() {
        ToolHarness h = new ToolHarness();
        assertThat(h.call("update_request_type", "{\"request_type\":\"cancellation\"}").ok()).isTrue();
        assertThat(h.state.requestType()).isEqualTo(RequestType.CANCELLATION);
        assertThat(h.call("update_request_type", "{\"request_type\":\"complaint\"}").ok()).isFalse();
        assertThat(h.state.requestType()).isEqualTo(RequestType.CANCELLATION);
    }
}
