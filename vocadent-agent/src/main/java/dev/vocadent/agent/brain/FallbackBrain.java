package dev.vocadent.agent.brain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chain of brains that is itself a brain (primary → secondary → … e.g. LLM → offline). When the
 * brain in use throws (a {@link BrainException} or any runtime exception) or goes quiet for longer
 * than the attempt timeout, the next brain answers the same turn at once with the same call state
 * and history. The switch is logged, counted ({@code vocadent.brain.fallbacks}, tags from/to/reason)
 * and reported through {@link BrainContext#brainSwitched}. The call stays with the brain it switched
 * to. Only when the last brain fails too does {@link Conversation#respond} throw.
 */
public final class FallbackBrain implements Brain {
    private static final Logger log = LoggerFactory.getLogger(FallbackBrain.class);

    private final List<Brain> chain;
    private final Duration attemptTimeout;
    private final MeterRegistry registry;

    /**
     * @param chain          brains in order of preference, at least one
     * @param attemptTimeout longest silence (no text, no tool call) allowed from a brain before the next
     *                       takes over; null → no timeout (the brain runs on the session thread)
     * @param registry       where switches are counted
     */
    public FallbackBrain(List<Brain> chain, Duration attemptTimeout, MeterRegistry registry) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one brain");
        }
        this.chain = List.copyOf(chain);
        this.attemptTimeout = attemptTimeout;
        this.registry = Objects.requireNonNull(registry);
    }

    @Override
    public String name() {
        return "fallback(" + chain.stream().map(Brain::name).collect(Collectors.joining(",")) + ")";
    }

    @Override
    public Conversation newConversation(BrainContext context) {
        return new FallbackConversation(context);
    }

    private interface Step {
        void run(Conversation c, ReplySink out) throws BrainException;
    }

    private final class FallbackConversation implements Conversation {
        private final BrainContext context;
        private final Conversation[] conversations = new Conversation[chain.size()];
        private int current;

        FallbackConversation(BrainContext context) {
            this.context = context;
        }

        @Override
        public void greet(ReplySink out) {
            try {
                attempt(out, Conversation::greet);
            } catch (BrainException e) {
                out.text(out.context().state().customerContext().greeting());
            }
        }

        @Override
        public void respond(ReplySink out) throws BrainException {
            attempt(out, Conversation::respond);
        }

        private void attempt(ReplySink out, Step step) throws BrainException {
            while (true) {
                Brain brain = chain.get(current);
                String reason;
                Throwable cause;
                try {
                    if (conversations[current] == null) {
                        conversations[current] = brain.newConversation(context);
                    }
                    Conversation c = conversations[current];
                    if (attemptTimeout == null) {
                        step.run(c, out);
                    } else {
                        new GuardedAttempt(context, out, attemptTimeout, brain.name()).run(sink -> step.run(c, sink));
                    }
                    return;
                } catch (GuardedAttempt.TimedOut e) {
                    reason = "timeout";
                    cause = e;
                } catch (BrainException | RuntimeException e) {
                    reason = "error";
                    cause = e;
                }
                if (current + 1 >= chain.size()) {
                    log.warn("brain {} failed ({}) and no brain is left: {}", brain.name(), reason, cause.toString());
                    throw cause instanceof BrainException be ? be : new BrainException("all brains failed", cause);
                }
                Brain next = chain.get(current + 1);
                log.warn("brain {} failed ({}: {}); switching to {}", brain.name(), reason, cause.toString(), next.name());
                Counter.builder("vocadent.brain.fallbacks").description("switches to the next brain of a fallback chain")
                        .tag("from", brain.name()).tag("to", next.name()).tag("reason", reason)
                        .register(registry).increment();
                current++;
                try {
                    context.brainSwitched(brain.name(), next.name(), reason);
                } catch (RuntimeException e) {
                    log.warn("brainSwitched listener failed", e);
                }
            }
        }
    }
}
