package dev.vocadent.providers.local.brain;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import dev.vocadent.providers.local.brain.eval.CallUnderTest;
import dev.vocadent.providers.local.brain.eval.Scenario;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The offline brain wired to {@link FakeToolbox} with a fixed clock: what the unit and scenario tests talk to. */
final class FakeCall implements CallUnderTest, BrainContext {
    private final CallState state;
    private final Clock clock;
    final FakeToolbox tools;
    private final List<HistoryItem> history = new ArrayList<>();
    private final List<ExpectedAnswer> hints = new ArrayList<>();
    private final Brain.Conversation conversation;

    FakeCall(ClinicConfig clinic, LocalDateTime localNow, String callerPhone) {
        this.clock = Clock.fixed(localNow.atZone(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("UTC"));
        this.state = new CallState("test-call", null, clinic, callerPhone);
        this.tools = new FakeToolbox(state, clock);
        this.conversation = new OfflineBrain().newConversation(this);
    }

    static FakeCall westbury() {
        return new FakeCall(DemoClinics.westbury(), LocalDateTime.of(2026, 3, 2, 9, 0), null);
    }

    static FakeCall dental2() {
        return new FakeCall(DemoClinics.dental2(), LocalDateTime.of(2026, 3, 2, 9, 0), null);
    }

    /** Scenario factory over this fake. */
    static CallUnderTest start(Scenario s) {
        ClinicConfig clinic = switch (s.clinic()) {
            case "westbury" -> DemoClinics.westbury();
            case "dental2" -> DemoClinics.dental2();
            default -> throw new IllegalArgumentException("unknown clinic " + s.clinic());
        };
        FakeCall call = new FakeCall(clinic, s.now(), s.callerPhone());
        for (Scenario.Directive d : s.backend()) {
            switch (d.kind()) {
                case "existing-patient" -> call.tools.patients.add(new FakeToolbox.KnownPatient(d.args().get("name"),
                        LocalDate.parse(d.args().get("dob")), d.args().get("phone")));
                case "slot-taken-once" -> call.tools.takeNextBooking = true;
                case "transfer-fails" -> call.tools.transferWorks = false;
                case "fully-booked" -> call.tools.diary.fullyBooked = true;
                default -> throw new IllegalArgumentException("unknown backend directive " + d.kind());
            }
        }
        return call;
    }

    @Override
    public String greet() {
        return reply(conversation::greet);
    }

    @Override
    public String say(String callerText) {
        history.add(HistoryItem.caller(callerText, clock.instant()));
        return reply(out -> {
            try {
                conversation.respond(out);
            } catch (dev.vocadent.agent.brain.BrainException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String reply(java.util.function.Consumer<ReplySink> turn) {
        StringBuilder b = new StringBuilder();
        BrainContext ctx = this;
        turn.accept(new ReplySink() {
            @Override
            public void text(String delta) {
                b.append(delta);
                tools.events.add("say:" + delta.strip());
            }

            @Override
            public void expect(ExpectedAnswer expected) {
                hints.add(expected);
            }

            @Override
            public BrainContext context() {
                return ctx;
            }
        });
        history.add(HistoryItem.agent(b.toString(), clock.instant()));
        return b.toString();
    }

    ExpectedAnswer lastHint() {
        return hints.isEmpty() ? null : hints.getLast();
    }

    @Override public CallState state() { return state; }
    @Override public List<HistoryItem> history() { return history; }
    @Override public Toolbox tools() { return tools; }
    @Override public String systemPrompt() { return state.systemPrompt(); }
    @Override public Clock clock() { return clock; }
    @Override public List<ToolCall> toolCalls() { return tools.calls; }
    @Override public List<ExpectedAnswer> hints() { return hints; }
    @Override public List<Booking> bookings() { return tools.bookings; }
    @Override public List<OtherRequest> requests() { return tools.requests; }
    @Override public boolean ended() { return tools.ended; }
}
