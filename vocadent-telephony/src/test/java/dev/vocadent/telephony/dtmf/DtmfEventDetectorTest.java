package dev.vocadent.telephony.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DtmfEventDetectorTest {
    private final StringBuilder digits = new StringBuilder();
    private final DtmfEventDetector detector = new DtmfEventDetector(digits::append);

    private void event(long ts, int event, boolean end, int duration) {
        byte[] p = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        detector.onPacket(ts, p, 0, 4);
    }

    @Test
    void tripleEndPacketsGiveOneDigit() {
        for (int d = 160; d <= 800; d += 160) {
            event(1000, 5, false, d);
        }
        event(1000, 5, true, 960);
        event(1000, 5, true, 960);
        event(1000, 5, true, 960);
        assertThat(digits).hasToString("5");
    }

    @Test
    void sameDigitTwiceIsTwoEventsByTimestamp() {
        event(1000, 1, false, 160);
        event(1000, 1, true, 320);
        event(1000, 1, true, 320);
        event(3000, 1, false, 160);
        event(3000, 1, true, 320);
        assertThat(digits).hasToString("11");
    }

    @Test
    void eventWhoseEndPacketsWereLostIsDeliveredWhenTheNextStarts() {
        event(1000, 11, false, 160);
        event(1000, 11, false, 320);
        event(4000, 10, false, 160);
        event(4000, 10, true, 320);
        assertThat(digits).hasToString("#*");
    }

    @Test
    void lateRetransmissionOfAnOldEventIsIgnored() {
        event(1000, 2, true, 320);
        event(2000, 3, true, 320);
        event(1000, 2, true, 320);
        assertThat(digits).hasToString("23");
    }

    @Test
    void flushDeliversAnUnfinishedEventOnceAndIgnoresNonDigits() {
        event(1000, 16, true, 320); // flash: not a digit
        event(2000, 4, false, 160);
        detector.flush();
        detector.flush();
        detector.onPacket(3000, new byte[] {1, 2}, 0, 2); // truncated
        assertThat(digits).hasToString("4");
    }

    @Test
    void timestampWrapAroundStillOrdersEvents() {
        event(0xffffff00L, 7, true, 320);
        event(0x00000100L, 8, true, 320);
        assertThat(digits).hasToString("78");
    }
}
