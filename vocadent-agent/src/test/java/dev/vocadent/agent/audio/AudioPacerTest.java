package dev.vocadent.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioPacerTest {
    private final List<short[]> sent = new ArrayList<>();
    private int drained;
    private final FrameConsumer consumer = new FrameConsumer() {
        @Override
        public void frame(AudioFrame f) {
            sent.add(f.copy().samples());
        }

        @Override
        public void drained() {
            drained++;
        }
    };

    private static short[] ramp(int n, int start) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (start + i);
        }
        return s;
    }

    @Test
    void sendsExactTwentyMillisecondFramesInOrder() {
        AudioPacer p = new AudioPacer(8000, 1000, false, consumer);
        assertThat(p.write(ramp(400, 0), 0, 400)).isEqualTo(400);
        p.tick();
        p.tick();
        p.tick(); // only 80 samples left and no flush: waits
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).hasSize(160).startsWith((short) 0, (short) 1);
        assertThat(sent.get(1)[0]).isEqualTo((short) 160);
        assertThat(p.playedSamples()).isEqualTo(320);
    }

    @Test
    void flushPadsTheLastPartialFrameAndReportsDrained() {
        AudioPacer p = new AudioPacer(8000, 1000, false, consumer);
        p.write(ramp(200, 1), 0, 200);
        p.flush();
        p.tick();
        p.tick();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)[39]).isEqualTo((short) 200);
        assertThat(sent.get(1)[40]).isEqualTo((short) 0);
        assertThat(drained).isEqualTo(1);
        assertThat(p.playedSamples()).isEqualTo(200);
    }

    @Test
    void clearStopsAudioAtTheNextFrame() {
        AudioPacer p = new AudioPacer(16000, 2000, false, consumer);
        p.write(ramp(3200, 1), 0, 3200);
        p.tick();
        int dropped = p.clear();
        p.tick();
        assertThat(dropped).isEqualTo(2880);
        assertThat(sent).hasSize(1);
        assertThat(p.queuedSamples()).isZero();
        assertThat(p.playedSamples()).isEqualTo(320);
    }

    @Test
    void boundedQueueRefusesWhatDoesNotFitWithoutWaiting() {
        AudioPacer p = new AudioPacer(8000, 40, false, consumer); // 320 samples
        assertThat(p.write(ramp(500, 0), 0, 500)).isEqualTo(320);
        assertThat(p.write(ramp(10, 0), 0, 10)).isZero();
        p.tick();
        assertThat(p.remainingCapacity()).isEqualTo(160);
    }

    @Test
    void ringWrapsAroundWithoutCorruptingSamples() {
        AudioPacer p = new AudioPacer(8000, 60, false, consumer); // 480 samples
        int next = 0;
        for (int round = 0; round < 20; round++) {
            int n = p.write(ramp(250, next), 0, 250);
            next += n;
            p.tick();
        }
        short expected = 0;
        for (short[] f : sent) {
            for (short s : f) {
                assertThat(s).isEqualTo(expected++);
            }
        }
    }

    @Test
    void sendsSilenceWhenIdleIfAsked() {
        AudioPacer p = new AudioPacer(8000, 100, true, consumer);
        p.tick();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).containsOnly((short) 0);
        assertThat(p.playedSamples()).isZero();
    }

    @Test
    void aThrowingConsumerDoesNotStopThePacer() {
        AudioPacer p = new AudioPacer(8000, 100, false, f -> { throw new IllegalStateException("boom"); });
        p.write(new short[320], 0, 320);
        p.tick();
        p.tick();
        assertThat(p.playedSamples()).isEqualTo(320);
    }

    @Test
    void refusesBadConfiguration() {
        assertThatThrownBy(() -> new AudioPacer(8001, 100, false, consumer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioPacer(8000, 10, false, consumer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsEverySentFrameAndThoseAClockTickedAPeriodOrMoreLate() throws Exception {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        PacingMeters meters = new PacingMeters(registry);
        long[] now = {0};
        PacerClock clock = new PacerClock(() -> now[0], n -> now[0] += n, "test-pacer", false);
        AudioPacer p = new AudioPacer(8000, 1000, true, consumer, meters).start(clock);
        clock.runOnce();                                  // on time
        clock.runOnce();
        now[0] += 3 * PacerClock.PERIOD_NANOS + 5_000_000; // the clock thread stalls 65 ms
        clock.runOnce();                                  // catches up: frames 45, 25 and 5 ms late
        assertThat(sent).hasSize(5);
        assertThat(meters.frames()).isEqualTo(5);
        assertThat(meters.lateFrames()).isEqualTo(2);
        assertThat(registry.get("vocadent.audio.late.frames").functionCounter().count()).isEqualTo(2.0);
        assertThat(registry.get("vocadent.audio.frames").functionCounter().count()).isEqualTo(5.0);
        p.close();
    }

    @Test
    void framesNotSentAreNotCounted() {
        PacingMeters meters = new PacingMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        AudioPacer p = new AudioPacer(8000, 1000, false, consumer, meters);
        p.tick(100_000_000L); // nothing queued and no silence: no frame, however late
        p.write(ramp(160, 0), 0, 160);
        p.tick(PacerClock.PERIOD_NANOS);
        assertThat(meters.frames()).isEqualTo(1);
        assertThat(meters.lateFrames()).isEqualTo(1);
    }
}
