package dev.vocadent.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacerClockTest {
    private long now = 1_000_000_000L;

    @Test
    void deadlinesStayOnTheAbsoluteTimelineDespiteLateWakeUps() throws Exception {
        Random rnd = new Random(7);
        List<Long> tickTimes = new ArrayList<>();
        PacerClock clock = new PacerClock(() -> now, n -> now += n + rnd.nextInt(3_000_000), "test", false);
        AudioPacer p = new AudioPacer(8000, 100, true, f -> tickTimes.add(now)).start(clock);
        long t0 = now;
        for (int i = 0; i < 500; i++) {
            clock.runOnce();
        }
        assertThat(tickTimes).hasSize(500);
        // tick k happens at or after t0 + k*20ms, never more than the wake-up overshoot later: no drift
        for (int k = 0; k < tickTimes.size(); k++) {
            long deadline = t0 + (k + 1) * PacerClock.PERIOD_NANOS;
            assertThat(tickTimes.get(k) - deadline).isBetween(0L, 3_000_000L);
        }
        assertThat(clock.lateTicks()).isZero();
        assertThat(clock.latenessQuantileMicros(0.99)).isBetween(2_000L, 3_000L);
        p.close();
        assertThat(clock.pacerCount()).isZero();
    }

    @Test
    void aStallCatchesUpWithTheMissedFramesAndCountsThemLate() throws Exception {
        List<Long> ticks = new ArrayList<>();
        boolean[] stall = {false};
        PacerClock clock = new PacerClock(() -> now, n -> now += n + (stall[0] ? 65_000_000L : 0), "test", false);
        new AudioPacer(8000, 100, true, f -> ticks.add(now)).start(clock);
        clock.runOnce();
        stall[0] = true;
        clock.runOnce(); // woke 65 ms late: ticks 2, 3, 4, 5 due
        assertThat(ticks).hasSize(5);
        assertThat(clock.lateTicks()).isEqualTo(3);
        assertThat(clock.ticks()).isEqualTo(5);
    }
}
