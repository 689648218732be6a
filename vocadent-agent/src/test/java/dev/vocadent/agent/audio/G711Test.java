package dev.vocadent.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {
    @Test
    void ulawKnownCodeWords() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xff);
        assertThat(G711.ulawToLinear((byte) 0xff)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
    }

    @Test
    void alawKnownCodeWords() {
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xd5);
        assertThat(G711.alawToLinear((byte) 0xd5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int i = 0; i < 256; i++) {
            byte b = (byte) i;
            if ((i & 0x7f) != 0x7f) { // μ-law has two zeros (0x7f, 0xff); both decode to 0
                assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("ulaw %02x", i).isEqualTo(b);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("alaw %02x", i).isEqualTo(b);
        }
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (int s = -32000; s <= 32000; s += 7) {
            short x = (short) s;
            int ue = Math.abs(G711.ulawToLinear(G711.linearToUlaw(x)) - s);
            int ae = Math.abs(G711.alawToLinear(G711.linearToAlaw(x)) - s);
            int step = Math.max(16, Math.abs(s) / 16);
            assertThat(ue).as("ulaw %d", s).isLessThanOrEqualTo(step);
            assertThat(ae).as("alaw %d", s).isLessThanOrEqualTo(step);
        }
    }
}
