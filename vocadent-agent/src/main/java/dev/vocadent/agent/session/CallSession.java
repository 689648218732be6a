package dev.vocadent.agent.session;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.core.tools.Tool;
import dev.vocadent.core.tools.Tools;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's conversation. Transports (chat, SIP, LiveKit, the voice pipeline) feed it events; it
 * runs the brain and the tools and reports through {@link SessionListener}s. Every event is queued
 * onto the session's own virtual thread and handled in arrival order, so the {@link CallState} is
 * only ever touched by that thread; the event methods return at once and are safe from any thread.
 *
 * <pre>{@code
 * CallSession s = CallSession.builder(new CallState(id, room, clinic, callerNumber))
 *         .backend(clinicBoundClient).brain(brain).callControl(control).clock(clock)
 *         .listener(ttsOrPrinter).build();
 * s.start();                  // greeting turn
 * s.callerSaid("I'd like a check-up");
 * s.callerLeft();             // or the agent ends it with end_call
 * CallOutcome outcome = s.ended().join();
 * }</pre>
 */
public final class CallSession {
    private static final Logger log = LoggerFactory.getLogger(CallSession.class);

    private final SessionEngine engine;
    private final ExecutorService thread;
    private final Duration dtmfTimeout;
    private final CallState state;
    private long dtmfGeneration; // session thread only

    private CallSession(Builder b) {
        this.state = b.state;
        this.dtmfTimeout = b.dtmfTimeout;
        this.engine = new SessionEngine(b.state, b.backend, b.brain, b.clock, b.callControl, b.listeners, b.tools,
                b.maxBrainFailures, b.meters);
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("call-" + b.state.sessionId()).factory());
        engine.endedFuture().whenComplete((o, e) -> thread.shutdown());
    }

    /** A builder for a session over this call's state (which carries the clinic bound by the transport). */
    public static Builder builder(CallState state) {
        return new Builder(state);
    }

    public String sessionId() {
        return state.sessionId();
    }

    /** The greeting turn. Call once, when the call is answered. */
    public void start() {
        submit("start", engine::start);
    }

    /** The caller's final words of one turn (from STT or the chat input). */
    public void callerSaid(String text) {
        submit("callerSaid", () -> {
            dtmfGeneration++;
            engine.callerSaid(text);
        });
    }

    /**
     * A key the caller pressed (RFC 4733 / SIP INFO / chat). Digits are collected until '#', a pause of
     * the DTMF timeout, or the caller speaking; then they are one caller turn. '*' clears the entry.
     */
    public void callerDtmf(char key) {
        submit("callerDtmf", () -> {
            long gen = ++dtmfGeneration;
            if (engine.dtmf(key)) {
                CompletableFuture.delayedExecutor(dtmfTimeout.toMillis(), TimeUnit.MILLISECONDS, this::executeQuietly)
                        .execute(() -> {
                            if (gen == dtmfGeneration) {
                                engine.digitsDone();
                            }
                        });
            }
        });
    }

    /** The caller hung up / left the room. Outcome {@code hung_up} unless another was recorded. */
    public void callerLeft() {
        submit("callerLeft", engine::callerLeft);
    }

    /**
     * Barge-in: the voice layer played only {@code heardText} (a prefix) of the agent's current or last
     * turn. The rest of that turn's text is dropped at once, and history and transcript are cut to what
     * was heard. Call it before passing on the caller's next words.
     */
    public void agentHeard(String heardText) {
        engine.interruptCurrentTurn();
        submit("agentHeard", () -> engine.agentHeard(heardText));
    }

    /** Ends the session from outside (shutdown, transport gone). Outcome {@code hung_up} unless another was recorded. */
    public void end() {
        submit("end", engine::end);
    }

    /** Completes with the final outcome when the session has ended (then {@link #state()} is final). */
    public CompletableFuture<CallOutcome> ended() {
        return engine.endedFuture().copy();
    }

    public boolean isEnded() {
        return engine.endedFuture().isDone();
    }

    /** The call's state. Read it from listeners (session thread) or after {@link #ended()}. */
    public CallState state() {
        return state;
    }

    /** The conversation history. Read it from listeners (session thread) or after {@link #ended()}. */
    public List<HistoryItem> history() {
        return List.copyOf(engine.history());
    }

    /** What the agent expects the caller to answer next (for endpointing and recogniser biasing). */
    public ExpectedAnswer expectedAnswer() {
        return engine.expected();
    }

    private void submit(String what, Runnable event) {
        executeQuietly(() -> {
            try {
                event.run();
            } catch (RuntimeException e) {
                log.error("session {}: {} failed", state.sessionId(), what, e);
            }
        });
    }

    private void executeQuietly(Runnable r) {
        try {
            thread.execute(r);
        } catch (RejectedExecutionException e) {
            log.debug("session {} has ended; event dropped", state.sessionId());
        }
    }

    /** Builds a {@link CallSession}. backend, brain and callControl are required. */
    public static final class Builder {
        private final CallState state;
        private BackendClient backend;
        private Brain brain;
        private CallControl callControl;
        private Clock clock = Clock.systemUTC();
        private final List<SessionListener> listeners = new ArrayList<>();
        private List<Tool> tools = Tools.all();
        private Duration dtmfTimeout = Duration.ofSeconds(3);
        private int maxBrainFailures = 2;
        private MeterRegistry meters = Metrics.globalRegistry;

        private Builder(CallState state) {
            this.state = Objects.requireNonNull(state, "state");
        }

        /** The backend client bound to this call's clinic (its token is that clinic's). */
        public Builder backend(BackendClient backend) {
            this.backend = backend;
            return this;
        }

        public Builder brain(Brain brain) {
            this.brain = brain;
            return this;
        }

        /** Hang-up and transfer of the call, implemented by the transport. */
        public Builder callControl(CallControl callControl) {
            this.callControl = callControl;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder listener(SessionListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** The tools (default: the 18 seed tools). */
        public Builder tools(List<Tool> tools) {
            this.tools = List.copyOf(tools);
            return this;
        }

        /**
         * Where turn and tool metrics go ({@code vocadent.session.turn}, {@code vocadent.tool.calls},
         * {@code vocadent.tool.duration}); default Micrometer's global registry.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = Objects.requireNonNull(registry);
            return this;
        }

        /** Pause after the last key press that ends a DTMF entry (default 3 s). */
        public Builder dtmfTimeout(Duration timeout) {
            this.dtmfTimeout = timeout;
            return this;
        }

        /** Brain failures in a row after which the call ends with a callback request (default 2). */
        public Builder maxBrainFailures(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxBrainFailures must be at least 1");
            }
            this.maxBrainFailures = n;
            return this;
        }

        /**
         * Applies {@code vocadent.session.*} (reference.conf): dtmf-timeout and max-brain-failures.
         * (brain-timeout is the FallbackBrain's, set where the brain is made.)
         *
         * @param settings the {@code vocadent} block, as {@code Settings.load()} returns it
         */
        public Builder settings(Config settings) {
            Config c = settings.getConfig("session");
            dtmfTimeout(c.getDuration("dtmf-timeout"));
            return maxBrainFailures(c.getInt("max-brain-failures"));
        }

        public CallSession build() {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(brain, "brain");
            Objects.requireNonNull(callControl, "callControl");
            Objects.requireNonNull(clock, "clock");
            return new CallSession(this);
        }
    }
}
