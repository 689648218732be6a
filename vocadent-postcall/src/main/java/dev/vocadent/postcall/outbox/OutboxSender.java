package dev.vocadent.postcall.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the journal's items in the background: one loop per destination kind, so a slow or failing
 * destination never holds up another. A failure is retried with {@link Backoff} (or the destination's
 * Retry-After); a permanent failure parks the item. {@code analyse} items are handled before their
 * session's deliveries, which wait until the analysis has written them. Time comes from the injected
 * clock, so {@link #runOnce()} can be driven step by step in tests.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Journal journal;
    private final Map<ItemKind, Destination> destinations = new EnumMap<>(ItemKind.class);
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final DeliveryListener listener;
    private final Duration pollInterval;
    private final AtomicInteger pendingGauge = new AtomicInteger();
    private final AtomicInteger parkedGauge = new AtomicInteger();
    private final Object wake = new Object();
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean running;

    public OutboxSender(Journal journal, List<Destination> destinations, Backoff backoff, Clock clock,
                        MeterRegistry metrics, DeliveryListener listener, Duration pollInterval) {
        this.journal = journal;
        for (Destination d : destinations) {
            this.destinations.put(d.kind(), d);
        }
        this.backoff = backoff;
        this.clock = clock;
        this.metrics = metrics;
        this.listener = listener == null ? DeliveryListener.NONE : listener;
        this.pollInterval = pollInterval;
        Gauge.builder("vocadent.postcall.outbox.pending", pendingGauge, AtomicInteger::get)
                .description("post-call items waiting for delivery").register(metrics);
        Gauge.builder("vocadent.postcall.outbox.parked", parkedGauge, AtomicInteger::get)
                .description("post-call items parked after a permanent failure").register(metrics);
    }

    /** One pass over every kind (analysis first); returns the number of attempts made. */
    public int runOnce() {
        int n = runOnce(ItemKind.ANALYSE);
        for (ItemKind kind : ItemKind.values()) {
            if (kind != ItemKind.ANALYSE) {
                n += runOnce(kind);
            }
        }
        return n;
    }

    /** One pass over the due items of one kind; returns the number of attempts made. */
    public int runOnce(ItemKind kind) {
        Destination destination = destinations.get(kind);
        List<OutboxItem> all = journal.pending();
        pendingGauge.set(all.size());
        parkedGauge.set(journal.parked().size());
        if (destination == null) {
            return 0;
        }
        Instant now = clock.instant();
        int attempts = 0;
        for (OutboxItem item : all) {
            if (item.kind() != kind || item.nextAttemptAt().isAfter(now)) {
                continue;
            }
            if (kind != ItemKind.ANALYSE && item.sessionId() != null
                    && journal.isPending(ItemIds.of(item.sessionId(), ItemKind.ANALYSE))) {
                continue;
            }
            if (!running && !loops.isEmpty()) {
                break;
            }
            attempts++;
            attempt(destination, item);
        }
        return attempts;
    }

    private void attempt(Destination destination, OutboxItem item) {
        Delivery result;
        try {
            result = destination.deliver(item);
        } catch (Exception e) {
            result = Delivery.retry(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
        String dest = item.kind().wireName();
        switch (result) {
            case Delivery.Done d -> {
                journal.delete(item);
                count(dest, "delivered");
                log.info("outbox: {} delivered (session {}, after {} failed attempts)", item.id(), item.sessionId(), item.attempts());
            }
            case Delivery.Park p -> {
                journal.park(item, p.reason());
                count(dest, "parked");
                log.warn("outbox: {} parked: {}", item.id(), p.reason());
                listener.parked(item, p.reason());
            }
            case Delivery.Retry r -> {
                Duration wait = r.retryAfter() != null ? r.retryAfter() : backoff.delay(item.attempts() + 1);
                OutboxItem next = item.failed(r.reason(), clock.instant().plus(wait));
                journal.put(next);
                count(dest, "retry");
                log.warn("outbox: {} failed (attempt {}), retry in {} ms: {}", item.id(), next.attempts(), wait.toMillis(), r.reason());
                listener.failed(next, r.reason());
            }
        }
    }

    private void count(String destination, String result) {
        Counter.builder("vocadent.postcall.deliveries")
                .description("post-call delivery attempts by destination and result")
                .tag("destination", destination).tag("result", result)
                .register(metrics).increment();
    }

    /** Starts one background loop per destination kind (virtual threads). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (ItemKind kind : destinations.keySet()) {
            loops.add(Thread.ofVirtual().name("outbox-" + kind.wireName()).start(() -> loop(kind)));
        }
    }

    /** Asks the loops to look at the journal now (after a submit). */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop(ItemKind kind) {
        while (running) {
            try {
                if (runOnce(kind) > 0 && kind == ItemKind.ANALYSE) {
                    wake();
                }
            } catch (RuntimeException e) {
                log.error("outbox: {} loop failed: {}", kind.wireName(), e.toString());
            }
            synchronized (wake) {
                if (!running) {
                    return;
                }
                try {
                    wake.wait(Math.max(1, pollInterval.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        wake();
        for (Thread t : loops) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loops.clear();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
