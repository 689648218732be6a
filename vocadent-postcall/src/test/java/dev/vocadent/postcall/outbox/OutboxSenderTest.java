package dev.vocadent.postcall.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vocadent.postcall.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {
    static final Instant T = Instant.parse("2026-03-03T10:00:00Z");
    @TempDir Path dir;
    MutableClock clock;
    Journal journal;
    SimpleMeterRegistry metrics;
    List<String> failures;

    /** A destination answering from a script (then done), recording every attempt. */
    static final class Scripted implements Destination {
        final ItemKind kind;
        final Deque<Delivery> script = new ArrayDeque<>();
        final List<String> attempts = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();

        Scripted(ItemKind kind, Delivery... answers) {
            this.kind = kind;
            script.addAll(List.of(answers));
        }

        @Override
        public ItemKind kind() {
            return kind;
        }

        @Override
        public Delivery deliver(OutboxItem item) {
            attempts.add(item.id());
            Delivery d = script.isEmpty() ? Delivery.done() : script.pollFirst();
            if (d instanceof Delivery.Done) {
                delivered.add(item.id());
            }
            return d;
        }
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T);
        journal = new Journal(dir);
        metrics = new SimpleMeterRegistry();
        failures = new ArrayList<>();
    }

    OutboxSender sender(Destination... ds) {
        DeliveryListener l = new DeliveryListener() {
            @Override
            public void failed(OutboxItem item, String reason) {
                failures.add(item.id() + "#" + item.attempts());
            }
        };
        return new OutboxSender(journal, List.of(ds), new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), () -> 0.999999),
                clock, metrics, l, Duration.ofMillis(10));
    }

    void put(String session, ItemKind kind) {
        journal.put(OutboxItem.create(ItemIds.of(session, kind), kind, session, "westbury", clock.instant(),
                JsonNodeFactory.instance.objectNode()));
    }

    @Test
    void aFailedItemWaitsForItsBackoffThenIsDelivered() {
        Scripted slack = new Scripted(ItemKind.SLACK, Delivery.retry("slack answered 500"), Delivery.retry("slack answered 503"));
        OutboxSender s = sender(slack);
        put("a", ItemKind.SLACK);

        s.runOnce();
        assertThat(journal.pending()).singleElement().satisfies(i -> {
            assertThat(i.attempts()).isEqualTo(1);
            assertThat(i.lastError()).isEqualTo("slack answered 500");
            assertThat(i.nextAttemptAt()).isBetween(T.plusMillis(4_990), T.plusSeconds(5));
        });
        clock.advance(Duration.ofSeconds(4));
        assertThat(s.runOnce()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(1));
        s.runOnce();
        assertThat(journal.pending().getFirst().nextAttemptAt()).isBetween(clock.instant().plusMillis(9_990), clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        s.runOnce();

        assertThat(slack.attempts).hasSize(3);
        assertThat(slack.delivered).containsExactly("a.slack");
        assertThat(journal.pending()).isEmpty();
        assertThat(metrics.counter("vocadent.postcall.deliveries", "destination", "slack", "result", "retry").count()).isEqualTo(2);
        assertThat(metrics.counter("vocadent.postcall.deliveries", "destination", "slack", "result", "delivered").count()).isEqualTo(1);
        assertThat(failures).containsExactly("a.slack#1", "a.slack#2");
    }

    @Test
    void oneFailingDestinationNeitherBlocksNorRepeatsTheOthers() {
        Scripted blob = new Scripted(ItemKind.BLOB_TRANSCRIPT);
        for (int i = 0; i < 10; i++) {
            blob.script.add(Delivery.retry("azure unreachable"));
        }
        Scripted slack = new Scripted(ItemKind.SLACK);
        Scripted backend = new Scripted(ItemKind.BACKEND_RECORD);
        OutboxSender s = sender(blob, slack, backend);
        put("a", ItemKind.BLOB_TRANSCRIPT);
        put("a", ItemKind.SLACK);
        put("a", ItemKind.BACKEND_RECORD);

        for (int i = 0; i < 5; i++) {
            s.runOnce();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(slack.attempts).containsExactly("a.slack");
        assertThat(backend.attempts).containsExactly("a.backend_record");
        assertThat(blob.attempts).hasSize(5);
        assertThat(journal.pending()).extracting(OutboxItem::id).containsExactly("a.blob_transcript");
    }

    @Test
    void aDestinationDownForAnHourDelaysButNeverDrops() {
        Scripted backend = new Scripted(ItemKind.BACKEND_RECORD);
        OutboxSender s = sender(backend);
        put("a", ItemKind.BACKEND_RECORD);
        Instant backUp = T.plus(Duration.ofHours(1));
        // down for an hour: every attempt fails until then
        while (clock.instant().isBefore(backUp)) {
            if (backend.script.isEmpty()) {
                backend.script.add(Delivery.retry("backend unreachable"));
            }
            s.runOnce();
            clock.advance(Duration.ofSeconds(30));
        }
        backend.script.clear();
        clock.advance(Duration.ofMinutes(5));
        s.runOnce();

        assertThat(backend.delivered).containsExactly("a.backend_record");
        assertThat(backend.attempts.size()).as("retries spread out by backoff, not every pass").isBetween(12, 30);
        assertThat(journal.parked()).isEmpty();
    }

    @Test
    void aPermanentFailureIsParkedWithItsReasonUntilRetried() {
        Scripted slack = new Scripted(ItemKind.SLACK, Delivery.park("slack answered 404 no_service"));
        OutboxSender s = sender(slack);
        put("a", ItemKind.SLACK);

        s.runOnce();
        clock.advance(Duration.ofHours(2));
        s.runOnce();
        assertThat(slack.attempts).hasSize(1);
        assertThat(journal.parked()).singleElement().extracting(OutboxItem::parkedReason).isEqualTo("slack answered 404 no_service");

        journal.retryParked(clock.instant());
        s.runOnce();
        assertThat(slack.delivered).containsExactly("a.slack");
        assertThat(journal.parked()).isEmpty();
    }

    @Test
    void retryAfterFromTheDestinationIsHonoured() {
        Scripted slack = new Scripted(ItemKind.SLACK, Delivery.retry("slack answered 429", Duration.ofSeconds(42)));
        OutboxSender s = sender(slack);
        put("a", ItemKind.SLACK);

        s.runOnce();
        assertThat(journal.pending().getFirst().nextAttemptAt()).isEqualTo(T.plusSeconds(42));
        clock.advance(Duration.ofSeconds(41));
        s.runOnce();
        assertThat(slack.attempts).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        s.runOnce();
        assertThat(slack.delivered).hasSize(1);
    }

    @Test
    void aSessionsDeliveriesWaitUntilItsAnalysisIsDone() {
        Scripted analyse = new Scripted(ItemKind.ANALYSE, Delivery.retry("llm timeout"));
        Scripted slack = new Scripted(ItemKind.SLACK);
        OutboxSender s = sender(analyse, slack);
        put("a", ItemKind.ANALYSE);
        put("a", ItemKind.SLACK);
        put("b", ItemKind.SLACK);

        s.runOnce();
        assertThat(slack.delivered).containsExactly("b.slack");
        clock.advance(Duration.ofMinutes(1));
        s.runOnce();
        assertThat(slack.delivered).containsExactly("b.slack", "a.slack");
    }

    @Test
    void aThrowingDestinationCountsAsARetryableFailure() {
        Destination boom = new Destination() {
            @Override
            public ItemKind kind() {
                return ItemKind.SLACK;
            }

            @Override
            public Delivery deliver(OutboxItem item) {
                throw new IllegalStateException("boom\nsecond line");
            }
        };
        OutboxSender s = sender(boom);
        put("a", ItemKind.SLACK);
        s.runOnce();
        assertThat(journal.pending()).singleElement().extracting(OutboxItem::lastError).isEqualTo("IllegalStateException: boom");
    }
}
