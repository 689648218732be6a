package dev.vocadent.agent.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.testing.RecordingListener;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.core.testing.MutableClock;
import dev.vocadent.core.testing.RecordingCallControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackBrainTest {
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    final FakeBackend backend = new FakeBackend(DemoClinics.westbury(), clock);
    final RecordingListener events = new RecordingListener();
    final CallState state = new CallState("call-f", null, DemoClinics.westbury(), "+447700900123");

    CallSession session(Brain brain) {
        return CallSession.builder(state).backend(backend).brain(brain).clock(clock)
                .callControl(new RecordingCallControl()).listener(events).build();
    }

    double switches(String reason) {
        var c = meters.find("vocadent.brain.fallbacks").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void onABrainExceptionTheNextBrainAnswersTheSameTurnAndKeepsTheCall() throws Exception {
        ScriptedBrain primary = ScriptedBrain.named("llm")
                .turn(t -> t.call("update_name", "{\"name\":\"Jane Smith\"}").fail("HTTP 500")).build();
        ScriptedBrain secondary = ScriptedBrain.named("offline")
                .turn(t -> t.say("Thanks Jane, what can I book for you?"))
                .turn(t -> t.say("Second turn from offline.")).build();
        CallSession s = session(new FallbackBrain(List.of(primary, secondary), null, meters));
        s.callerSaid("I'm Jane Smith");
        assertThat(events.awaitListening(1, 10)).isTrue();
        s.callerSaid("a check-up");
        assertThat(events.awaitListening(1, 10)).isTrue();
        s.callerLeft();
        s.ended().get();
        assertThat(events.events()).containsExactly("tool: update_name ok", "switched: llm -> offline (error)",
                "agent: Thanks Jane, what can I book for you?", "listening", "agent: Second turn from offline.",
                "listening", "outcome: hung_up", "ended: hung_up");
        assertThat(state.name()).isEqualTo("Jane Smith");
        assertThat(secondary.heard()).containsExactly("Name recorded: Jane Smith.", "a check-up");
        assertThat(primary.heard()).containsExactly("I'm Jane Smith");
        assertThat(switches("error")).isEqualTo(1.0);
    }

    @Test
    void aRuntimeCrashAlsoFallsBack() throws Exception {
        ScriptedBrain primary = ScriptedBrain.named("llm").turn(t -> t.crash("NPE")).build();
        ScriptedBrain secondary = ScriptedBrain.named("offline").turn(t -> t.say("Hello from offline.")).build();
        CallSession s = session(new FallbackBrain(List.of(primary, secondary), Duration.ofSeconds(5), meters));
        s.callerSaid("hi");
        assertThat(events.awaitListening(1, 10)).isTrue();
        assertThat(events.events()).containsExactly("switched: llm -> offline (error)", "agent: Hello from offline.", "listening");
    }

    @Test
    void aBrainThatGoesQuietIsReplacedWithoutDeadAirAndItsLateOutputIsDropped() throws Exception {
        ScriptedBrain primary = ScriptedBrain.named("llm")
                .turn(t -> t.say("Let me see. ").pause(Duration.ofSeconds(5)).say("LATE").call("update_name", "{\"name\":\"Late\"}"))
                .build();
        ScriptedBrain secondary = ScriptedBrain.named("offline").turn(t -> t.say("I can help with that.")).build();
        CallSession s = session(new FallbackBrain(List.of(primary, secondary), Duration.ofMillis(300), meters));
        long t0 = System.nanoTime();
        s.callerSaid("I need an appointment");
        assertThat(events.awaitListening(1, 10)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
        assertThat(events.events()).containsExactly("switched: llm -> offline (timeout)",
                "agent: Let me see. I can help with that.", "listening");
        assertThat(switches("timeout")).isEqualTo(1.0);
        s.callerLeft();
        s.ended().get();
        assertThat(state.name()).isNull();
        assertThat(events.events()).noneMatch(e -> e.contains("LATE"));
    }

    @Test
    void whenTheLastBrainFailsTooTheConversationThrows() {
        ScriptedBrain only = ScriptedBrain.named("llm").turn(t -> t.fail("down")).build();
        FallbackBrain fb = new FallbackBrain(List.of(only), null, meters);
        assertThat(fb.name()).isEqualTo("fallback(llm)");
        BrainContext ctx = new BrainContext() {
            public CallState state() { return state; }
            public List<HistoryItem> history() { return List.of(); }
            public Toolbox tools() { return null; }
            public String systemPrompt() { return ""; }
            public java.time.Clock clock() { return clock; }
        };
        var conv = fb.newConversation(ctx);
        assertThatThrownBy(() -> conv.respond(new ReplySink() {
            public void text(String delta) {}
            public BrainContext context() { return ctx; }
        })).isInstanceOf(BrainException.class).hasMessageContaining("down");
    }

    @Test
    void anEmptyChainIsRefused() {
        assertThatThrownBy(() -> new FallbackBrain(List.of(), null, meters)).isInstanceOf(IllegalArgumentException.class);
    }
}
