package dev.vocadent.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.TranscriptEntry;
import org.junit.jupiter.api.Test;

class CallSessionTest {
    static final ScriptedBrain BOOKING = ScriptedBrain.named("scripted")
            .turn(t -> t.call("update_consultation_type", "{\"consultation_type\":\"check up\"}")
                    .call("update_booking_type", "{\"booking_type\":\"nhs\"}")
                    .say("Certainly. ")
                    .call("get_appointment_availability", "{}")
                    .callWith("update_slot_id_and_slot_day_and_timing", ScriptedBrain::firstOfferedSlot)
                    .say("I have Monday 2 March at 9am. May I have your name and date of birth?"))
            .turn(t -> t.call("update_name", "{\"name\":\"Jane Smith\"}")
                    .call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}")
                    .call("book_appointment", "{}")
                    .say("You're booked in, Jane."))
            .turn(t -> t.call("set_call_outcome", "{\"outcome\":\"enquiry_only\"}")
                    .say("Goodbye!").call("end_call", "{}"))
            .build();

    @Test
    void greetingTurnSaysTheClinicsGreetingThenListens() throws Exception {
        SessionHarness h = new SessionHarness(ScriptedBrain.named("s").build());
        h.session.start();
        h.turnDone();
        assertThat(h.events.events()).containsExactly(
                "agent: Hello, you're through to Westbury Dental. How can I help you today?", "listening");
        h.session.callerLeft();
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.HUNG_UP);
    }

    @Test
    void aScriptedConversationBooksAndEndsAfterTheLastWords() throws Exception {
        SessionHarness h = new SessionHarness(BOOKING);
        h.session.start();
        h.turnDone();
        h.say("I'd like a check-up please");
        h.say("Jane Smith, 12 April 1985");
        h.session.callerSaid("No that's all, thanks");
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.BOOKED);
        assertThat(h.backend.bookings()).singleElement().satisfies(b -> assertThat(b.callSessionId()).isEqualTo("call-1"));
        assertThat(h.state.bookingId()).isEqualTo(h.backend.bookings().getFirst().bookingId());
        assertThat(h.control.hangUps()).containsExactly("completed");
        assertThat(h.events.events()).contains("tool: book_appointment ok", "outcome: booked",
                "agent: You're booked in, Jane.", "ended: booked")
                .doesNotContain("outcome: enquiry_only");
        assertThat(h.events.events().getLast()).isEqualTo("ended: booked");
        assertThat(h.events.events()).filteredOn(e -> e.equals("agent: Goodbye!")).hasSize(1);
    }

    @Test
    void transcriptRecordsCallerAgentAndToolTurnsWithArgumentsAndResults() throws Exception {
        SessionHarness h = new SessionHarness(BOOKING);
        h.session.start();
        h.turnDone();
        h.say("I'd like a check-up please");
        h.session.callerLeft();
        h.awaitEnd();
        var t = h.state.transcript();
        assertThat(t).extracting(TranscriptEntry::kind).containsExactly(
                TranscriptEntry.Kind.AGENT, TranscriptEntry.Kind.CALLER, TranscriptEntry.Kind.TOOL,
                TranscriptEntry.Kind.TOOL, TranscriptEntry.Kind.AGENT, TranscriptEntry.Kind.TOOL,
                TranscriptEntry.Kind.TOOL, TranscriptEntry.Kind.AGENT);
        assertThat(t.get(1).text()).isEqualTo("I'd like a check-up please");
        assertThat(t.get(2).toolName()).isEqualTo("update_consultation_type");
        assertThat(t.get(2).toolArgs().get("consultation_type").asText()).isEqualTo("check up");
        assertThat(t.get(2).toolOk()).isTrue();
        assertThat(t.get(2).text()).contains("Consultation type recorded: check-up");
        assertThat(t.get(5).toolData().get("slots")).isNotEmpty();
        assertThat(t.get(4).text()).isEqualTo("Certainly. ");
        assertThat(t).allMatch(e -> e.at().equals(h.clock.instant()));
        assertThat(h.session.history()).extracting(HistoryItem::role).containsExactly(
                HistoryItem.Role.AGENT, HistoryItem.Role.CALLER, HistoryItem.Role.TOOL, HistoryItem.Role.TOOL,
                HistoryItem.Role.AGENT, HistoryItem.Role.TOOL, HistoryItem.Role.TOOL, HistoryItem.Role.AGENT);
        assertThat(h.session.history().get(2).toolCallId()).isEqualTo("call-update_consultation_type");
    }

    @Test
    void aCallerWhoLeavesWithNothingRecordedHungUp() throws Exception {
        SessionHarness h = new SessionHarness(ScriptedBrain.named("s").turn(t -> t.say("Our opening hours are...")).build());
        h.session.start();
        h.turnDone();
        h.say("When are you open?");
        h.session.callerLeft();
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.HUNG_UP);
        assertThat(h.control.hangUps()).isEmpty();
        assertThat(h.events.events()).contains("outcome: hung_up");
    }

    @Test
    void aCallThatOnlyAskedQuestionsAndEndedNormallyIsEnquiryOnly() throws Exception {
        SessionHarness h = new SessionHarness(ScriptedBrain.named("s")
                .turn(t -> t.say("We're open 9 to 5:30. Goodbye!").call("end_call", "{\"reason\":\"completed\"}")).build());
        h.session.callerSaid("When are you open?");
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.ENQUIRY_ONLY);
        assertThat(h.control.hangUps()).containsExactly("completed");
    }

    @Test
    void transferThatConnectsEndsTransferred() throws Exception {
        SessionHarness h = new SessionHarness(ScriptedBrain.named("s")
                .turn(t -> t.say("Putting you through.").call("end_call", "{\"reason\":\"transfer\"}")).build());
        h.control.transferReaches(true);
        h.session.callerSaid("Can I speak to someone?");
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.TRANSFERRED);
        assertThat(h.control.transfers()).containsExactly("+441632960100");
    }

    @Test
    void eventsAfterTheEndAreIgnored() throws Exception {
        SessionHarness h = new SessionHarness(ScriptedBrain.named("s").build());
        h.session.callerLeft();
        h.awaitEnd();
        h.session.callerSaid("hello?");
        h.session.callerDtmf('1');
        h.session.end();
        Thread.sleep(50);
        assertThat(h.state.transcript()).isEmpty();
        assertThat(h.events.events()).containsExactly("outcome: hung_up", "ended: hung_up");
    }

    @Test
    void systemPromptHasTheClinicsPromptFactsAndTodaysUkDate() {
        SessionHarness h = new SessionHarness(ScriptedBrain.named("s").build());
        String p = h.state.systemPrompt();
        assertThat(p).startsWith("You are the friendly receptionist of Westbury Dental.")
                .contains("Address: 12 Market Street, Westbury, BA13 3AA")
                .contains("Monday 09:00–17:30").contains("Sunday closed")
                .contains("Free parking behind the practice")
                .contains("- hygiene appointment: 30 minutes; private; £65 with the hygienist")
                .contains("- check-up: 30 minutes; NHS or private; NHS band 1 is £27.40")
                .contains("Dr Sarah Patel (doctor_id wb-dr-patel)")
                .contains("Today is Monday 2 March 2026 (2026-03-02); the time in the UK is 08:00 GMT.");
    }

    @Test
    void anUnconfiguredNumberGetsThePoliteEnd() {
        var control = new dev.vocadent.core.testing.RecordingCallControl();
        var events = new dev.vocadent.agent.testing.RecordingListener();
        UnconfiguredNumber.answer(control, java.util.List.of(events));
        events.listening();
        assertThat(events.events().getFirst()).contains("isn't set up");
        assertThat(control.hangUps()).containsExactly("not_configured");
    }

    @Test
    void builderTakesTheSessionSettingsAndRefusesNonsense() {
        var settings = dev.vocadent.core.settings.Settings.load(java.util.Map.of("session.max-brain-failures", 0));
        var b = CallSession.builder(new SessionHarness(ScriptedBrain.named("s").build()).state);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.settings(settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBrainFailures");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallSession.builder(h().state).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("backend");
        assertThat(CallSession.builder(h().state).settings(dev.vocadent.core.settings.Settings.load())).isNotNull();
    }

    private static SessionHarness h() {
        return new SessionHarness(ScriptedBrain.named("s").build());
    }

    @Test
    void turnsAndToolCallsAreMeasured() throws Exception {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        SessionHarness h = new SessionHarness(BOOKING, b -> b.meterRegistry(meters));
        h.say("a check-up");
        h.say("Jane Smith, 12 April 1985");
        assertThat(meters.get("vocadent.tool.calls").tag("tool", "book_appointment").tag("ok", "true").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("vocadent.tool.duration").tag("tool", "get_appointment_availability").timer().count())
                .isEqualTo(1);
        assertThat(meters.get("vocadent.session.turn").timer().count()).isEqualTo(2);
    }
}
