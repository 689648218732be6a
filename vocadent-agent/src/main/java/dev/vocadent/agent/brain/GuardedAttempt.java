package dev.vocadent.agent.brain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one brain turn on a worker thread with an idle timeout, while everything the brain does to
 * the call (text, tool calls, expectations) is carried back to and run on the caller's (session)
 * thread, so the call state keeps a single writer. When the brain stays quiet longer than the
 * timeout, the attempt is revoked: the worker is interrupted and anything it still sends is dropped.
 */
final class GuardedAttempt {
    /** The brain was quiet for longer than the timeout. */
    static final class TimedOut extends RuntimeException {
        TimedOut(String message) {
            super(message, null, false, false);
        }
    }

    interface Body {
        void run(ReplySink sink) throws BrainException;
    }

    private record Failed(Throwable error) {}

    private static final Object DONE = new Object();

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final BrainContext context;
    private final ReplySink out;
    private final long timeoutNanos;
    private final String name;
    private volatile boolean revoked;

    GuardedAttempt(BrainContext context, ReplySink out, Duration timeout, String name) {
        this.context = context;
        this.out = out;
        this.timeoutNanos = timeout.toNanos();
        this.name = name;
    }

    void run(Body body) throws BrainException {
        ReplySink sink = new WorkerSink();
        Thread worker = Thread.ofVirtual().name("brain-" + name).start(() -> {
            try {
                body.run(sink);
                inbox.add(DONE);
            } catch (Throwable t) {
                inbox.add(new Failed(t));
            }
        });
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (true) {
                long wait = deadline - System.nanoTime();
                Object m = wait <= 0 ? null : inbox.poll(wait, TimeUnit.NANOSECONDS);
                if (m == null) {
                    revoke(worker);
                    throw new TimedOut(name + " said nothing for " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
                }
                if (m == DONE) {
                    return;
                }
                if (m instanceof Failed f) {
                    if (f.error() instanceof BrainException be) {
                        throw be;
                    }
                    if (f.error() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new BrainException(name + " failed", f.error());
                }
                ((Runnable) m).run();
                deadline = System.nanoTime() + timeoutNanos;
            }
        } catch (InterruptedException e) {
            revoke(worker);
            Thread.currentThread().interrupt();
            throw new BrainException("interrupted while waiting for " + name, e);
        }
    }

    private void revoke(Thread worker) {
        revoked = true;
        worker.interrupt();
        Object m;
        while ((m = inbox.poll()) != null) {
            if (m instanceof FutureTask<?> f) {
                f.cancel(false);
            }
        }
    }

    private void send(Runnable r) {
        if (revoked) {
            throw new IllegalStateException("this brain attempt was abandoned");
        }
        inbox.add(r);
    }

    private final class WorkerSink implements ReplySink {
        private final BrainContext workerContext = new WorkerContext();

        @Override
        public void text(String delta) {
            send(() -> out.text(delta));
        }

        @Override
        public void expect(ExpectedAnswer expected) {
            send(() -> out.expect(expected));
        }

        @Override
        public BrainContext context() {
            return workerContext;
        }
    }

    private final class WorkerContext implements BrainContext, Toolbox {
        @Override
        public CallState state() {
            return context.state();
        }

        @Override
        public List<HistoryItem> history() {
            return context.history();
        }

        @Override
        public Toolbox tools() {
            return this;
        }

        @Override
        public String systemPrompt() {
            return context.systemPrompt();
        }

        @Override
        public Clock clock() {
            return context.clock();
        }

        @Override
        public List<ToolSpec> specs() {
            return context.tools().specs();
        }

        @Override
        public ToolResult call(String name, JsonNode arguments, String toolCallId) {
            FutureTask<ToolResult> task = new FutureTask<>(() -> context.tools().call(name, arguments, toolCallId));
            try {
                send(task);
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ToolResult.error("cancelled");
            } catch (ExecutionException | RuntimeException e) {
                return ToolResult.error("cancelled");
            }
        }
    }
}
