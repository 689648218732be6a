package dev.vocadent.bench.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.core.testing.MutableClock;
import dev.vocadent.core.tools.CallControl;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full agent turn with instant fake providers: the caller's words go into the session queue,
 * the session thread runs the brain, which calls two tools (update_name, get_appointment_availability
 * over the in-memory FakeBackend) and streams three pieces of text; the turn ends when the session
 * reports {@code listening}. What is measured is Vocadent's own overhead per turn (queueing, thread
 * hand-off, history, transcript, tool validation, listener fan-out). Target: p99 ≤ 20 ms.
 *
 * <p>Run: {@code java -cp 'bench/target/vocadent-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main AgentTurn}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AgentTurnBenchmark {
    /** A brain with no latency of its own: two tool calls and three text deltas per turn. */
    static final class InstantBrain implements Brain {
        private static final ObjectNode NAME = Json.mapper().createObjectNode().put("name", "Jane Smith");
        private static final ObjectNode SEARCH = Json.mapper().createObjectNode().put("part_of_day", "morning");

        @Override
        public String name() {
            return "instant";
        }

        @Override
        public Conversation newConversation(BrainContext context) {
            return new Conversation() {
                @Override
                public void respond(ReplySink out) {
                    out.text("Thanks, ");
                    out.context().tools().call("update_name", NAME, "c1");
                    out.context().tools().call("get_appointment_availability", SEARCH, "c2");
                    out.text("I have a few morning slots. ");
                    out.text("Which day suits you best?");
                }
            };
        }
    }

    private final Semaphore turnDone = new Semaphore(0);
    private CallSession session;

    @Setup(Level.Iteration)
    public void startCall() throws InterruptedException {
        MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
        CallState state = new CallState("bench-call", null, DemoClinics.westbury(), "+447700900123");
        state.consultationType("check-up");
        state.serviceId("wb-checkup");
        state.bookingType(dev.vocadent.core.api.BookingType.NHS);
        session = CallSession.builder(state)
                .backend(new FakeBackend(DemoClinics.westbury(), clock))
                .brain(new InstantBrain())
                .clock(clock)
                .callControl(new CallControl() {
                    @Override
                    public void hangUp(String reason) {}

                    @Override
                    public CompletableFuture<Boolean> transfer(String number) {
                        return CompletableFuture.completedFuture(false);
                    }
                })
                .listener(new SessionListener() {
                    @Override
                    public void listening() {
                        turnDone.release();
                    }
                })
                .build();
        session.start();
        turnDone.acquire();
    }

    @TearDown(Level.Iteration)
    public void endCall() throws Exception {
        session.callerLeft();
        session.ended().get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public void fullTurn() throws InterruptedException {
        session.callerSaid("My name is Jane Smith, mornings are best");
        turnDone.acquire();
    }
}
