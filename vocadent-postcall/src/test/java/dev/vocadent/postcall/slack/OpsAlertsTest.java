package dev.vocadent.postcall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.postcall.Fixtures;
import dev.vocadent.postcall.MutableClock;
import dev.vocadent.postcall.PostCallSettings;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.Journal;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsAlertsTest {
    @TempDir Path dir;
    MutableClock clock;
    Journal journal;
    OpsAlerts ops;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Fixtures.T0);
        journal = new Journal(dir);
        PostCallSettings s = Fixtures.withOps(Fixtures.settings(dir), "https://hooks.example/ops");
        ops = new OpsAlerts(journal, s.ops(), clock);
    }

    static TurnLatency eos(long ms) {
        return new TurnLatency(null, null, null, ms);
    }

    String alertsText() {
        return journal.pending().stream().map(i -> i.payload().toString()).reduce("", String::concat);
    }

    @Test
    void slowTurnsForFiveMinutesRaiseOneLatencyAlert() {
        // 10 minutes of one slow turn every 5 s (p95 2.4 s > 1.5 s)
        for (int i = 0; i < 120; i++) {
            ops.recordTurnLatency("westbury", eos(i % 20 == 0 ? 900 : 2400));
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(journal.pending()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ItemKind.OPS_ALERT);
            assertThat(a.payload().toString()).contains("Voice latency degraded").contains("p95 end of speech → first audio is 2400 ms");
        });
    }

    @Test
    void aShortSpikeOrFewTurnsRaiseNothing() {
        for (int i = 0; i < 40; i++) {          // 3 min 20 s slow
            ops.recordTurnLatency("westbury", eos(3000));
            clock.advance(Duration.ofSeconds(5));
        }
        for (int i = 0; i < 200; i++) {         // then healthy
            ops.recordTurnLatency("westbury", eos(500));
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void anOutageGivesOneAlertNotThousands() {
        OutboxItem failing = OutboxItem.create("x.slack", ItemKind.SLACK, "x", "westbury", clock.instant(), null);
        for (int i = 0; i < 2000; i++) {
            ops.failed(new OutboxItem("s" + i + ".slack", ItemKind.SLACK, "s" + i, "westbury", clock.instant(), 7,
                    clock.instant(), "slack unreachable", null, null), "slack unreachable: ConnectException");
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(journal.pending()).hasSize(1);
        clock.advance(Duration.ofMinutes(30));
        ops.failed(new OutboxItem("late.slack", ItemKind.SLACK, "late", "westbury", clock.instant(), 9, clock.instant(),
                "x", null, null), "slack unreachable");
        assertThat(journal.pending()).hasSize(2);
        assertThat(alertsText()).contains("similar alerts held back");
        assertThat(failing.kind()).isEqualTo(ItemKind.SLACK);
    }

    @Test
    void earlyFailuresAndFailingOpsAlertsThemselvesRaiseNothing() {
        ops.failed(new OutboxItem("a.slack", ItemKind.SLACK, "a", "w", clock.instant(), 2, clock.instant(), "x", null, null), "x");
        ops.failed(new OutboxItem("ops-1", ItemKind.OPS_ALERT, null, null, clock.instant(), 50, clock.instant(), "x", null, null), "x");
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void failoverIsAlertedAndWithoutAnOpsWebhookNothingIsQueued() {
        ops.providerFailover("tts", "elevenlabs", "espeak-ng", "HTTP 503");
        assertThat(alertsText()).contains("Provider failover").contains("tts: elevenlabs → espeak-ng (HTTP 503)");

        OpsAlerts logOnly = new OpsAlerts(journal, Fixtures.settings(dir).ops(), clock);
        int before = journal.pending().size();
        assertThat(logOnly.alert("k", "t", "d")).isTrue();
        assertThat(journal.pending()).hasSize(before);
    }

    /** Pacing samples every 5 s: {@code framesPerStep} frames sent, {@code latePerStep} of them late. */
    void pace(long[] totals, int steps, long framesPerStep, long latePerStep) {
        for (int i = 0; i < steps; i++) {
            totals[0] += framesPerStep;
            totals[1] += latePerStep;
            ops.recordAudioPacing(totals[0], totals[1]);
            clock.advance(Duration.ofSeconds(5));
        }
    }

    @Test
    void lateFramesAboveTheRatioRaiseOneAudioPacingAlertPerInterval() {
        long[] totals = {0, 0};
        pace(totals, 120, 250, 0);                 // 10 min healthy: 5 calls' worth of frames, none late
        assertThat(journal.pending()).isEmpty();
        pace(totals, 120, 250, 10);                // then 4 % late for 10 minutes
        assertThat(journal.pending()).singleElement().satisfies(a ->
                assertThat(a.payload().toString()).contains("Audio pacing degraded")
                        .contains("of agent audio frames").contains("threshold 1.0%"));
        pace(totals, 300, 250, 10);                // 25 more minutes: past min-interval, one more alert
        assertThat(journal.pending()).hasSize(2);
        assertThat(alertsText()).contains("similar alerts held back");
    }

    @Test
    void aFewLateFramesRaiseNothing() {
        long[] totals = {0, 0};
        pace(totals, 120, 250, 1);                 // 0.4 % late: under the 1 % threshold
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void tooFewFramesRaiseNothingEvenIfAllAreLate() {
        long[] totals = {0, 0};
        pace(totals, 120, 2, 2);                   // all late, but only 120 frames in the window (< 3000)
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void theRatioIsTakenOverTheWindowSoAnOldBurstIsForgotten() {
        long[] totals = {0, 0};
        pace(totals, 1, 1000, 900);                // one burst: 90 % late
        assertThat(journal.pending()).isEmpty();   // (one sample: no window yet)
        clock.advance(Duration.ofMinutes(6));
        pace(totals, 120, 250, 0);                 // the burst is older than the 5 min window
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void watchedCountersAreSampledOnEveryTurn() {
        long[] totals = {0, 0};
        ops.watchAudioPacing(() -> totals[0], () -> totals[1]);
        for (int i = 0; i < 60; i++) {
            totals[0] += 250;
            totals[1] += 50;                       // 20 % late
            ops.recordTurnLatency("westbury", eos(600));
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(alertsText()).contains("Audio pacing degraded").contains("20.0% of agent audio frames");
    }

    @Test
    void pacingSettingsAreReadFromTheReferenceConfiguration() {
        PostCallSettings.Pacing p = PostCallSettings.from(dev.vocadent.core.settings.Settings.load()).ops().pacing();
        assertThat(p).isEqualTo(new PostCallSettings.Pacing(0.01, Duration.ofMinutes(5), 3000));
    }
}
