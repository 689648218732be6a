package dev.vocadent.telephony.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private static short[] frame(int value) {
        short[] f = new short[160];
        java.util.Arrays.fill(f, (short) value);
        return f;
    }

    private final short[] out = new short[160];

    @Test
    void reordersPacketsAndPlaysInSequence() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        jb.put(11, 160, 160, frame(11), 160);
        jb.put(10, 0, 0, frame(10), 160);
        jb.put(12, 320, 320, frame(12), 160);
        assertThat(jb.take(out)).isEqualTo(JitterBuffer.Result.PLAYED);
        assertThat(out[0]).isEqualTo((short) 10);
        jb.take(out);
        assertThat(out[0]).isEqualTo((short) 11);
        jb.take(out);
        assertThat(out[0]).isEqualTo((short) 12);
    }

    @Test
    void waitsForTheTargetDepthBeforePlaying() {
        JitterBuffer jb = new JitterBuffer(3, 10);
        jb.put(1, 0, 0, frame(1), 160);
        jb.put(2, 160, 160, frame(2), 160);
        assertThat(jb.take(out)).isEqualTo(JitterBuffer.Result.SILENCE);
        jb.put(3, 320, 320, frame(3), 160);
        assertThat(jb.take(out)).isEqualTo(JitterBuffer.Result.PLAYED);
        assertThat(out[0]).isEqualTo((short) 1);
    }

    @Test
    void lostPacketIsConcealedByAFadedRepeat() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        jb.put(1, 0, 0, frame(1000), 160);
        jb.put(3, 320, 320, frame(3000), 160);
        jb.take(out);
        assertThat(jb.take(out)).isEqualTo(JitterBuffer.Result.CONCEALED);
        assertThat(out[0]).isEqualTo((short) 500);
        assertThat(jb.take(out)).isEqualTo(JitterBuffer.Result.PLAYED);
        assertThat(out[0]).isEqualTo((short) 3000);
        assertThat(jb.lost()).isEqualTo(1);
    }

    @Test
    void latePacketsAndDuplicatesAreDropped() {
        JitterBuffer jb = new JitterBuffer(1, 10);
        jb.put(5, 0, 0, frame(5), 160);
        jb.take(out);
        jb.put(4, -160, 200, frame(4), 160);
        assertThat(jb.late()).isEqualTo(1);
        jb.put(6, 160, 160, frame(6), 160);
        jb.put(6, 160, 161, frame(99), 160);
        jb.take(out);
        assertThat(out[0]).isEqualTo((short) 6);
        assertThat(jb.buffered()).isZero();
    }

    @Test
    void sequenceWrapAroundIsContinuous() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        jb.put(65535, 0, 0, frame(1), 160);
        jb.put(0, 160, 160, frame(2), 160);
        jb.take(out);
        assertThat(out[0]).isEqualTo((short) 1);
        assertThat(jb.take(out)).isEqualTo(JitterBuffer.Result.PLAYED);
        assertThat(out[0]).isEqualTo((short) 2);
    }

    @Test
    void targetGrowsWithJitterAndStaysWithinBounds() {
        JitterBuffer steady = new JitterBuffer(2, 8);
        for (int i = 0; i < 200; i++) {
            steady.put(i, i * 160L, i * 160L, frame(0), 160);
            steady.take(out);
        }
        assertThat(steady.target()).isEqualTo(2);
        JitterBuffer jittery = new JitterBuffer(2, 8);
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            jittery.put(i, i * 160L, i * 160L + rnd.nextInt(800), frame(0), 160);
            jittery.take(out);
        }
        assertThat(jittery.jitterMillis()).isGreaterThan(20);
        assertThat(jittery.target()).isBetween(5, 8);
    }

    @Test
    void overfullBufferSkipsAFrameToCutLatency() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        for (int i = 0; i < 8; i++) {
            jb.put(i, i * 160L, 0, frame(i), 160);
        }
        jb.take(out);
        assertThat(jb.buffered()).isLessThan(7);
    }
}
