package dev.vocadent.telephony.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtpPortAllocatorTest {
    @Test
    void handsOutEvenPortsUntilExhaustedAndTakesThemBack() {
        RtpPortAllocator a = RtpPortAllocator.parse("10001-10008");
        assertThat(a.capacity()).isEqualTo(3);
        int p1 = a.allocate();
        int p2 = a.allocate();
        int p3 = a.allocate();
        assertThat(new int[] {p1, p2, p3}).containsExactlyInAnyOrder(10002, 10004, 10006);
        assertThat(a.allocate()).isEqualTo(-1);
        a.release(p2);
        assertThat(a.inUse()).isEqualTo(2);
        assertThat(a.allocate()).isEqualTo(p2);
    }

    @Test
    void doubleReleaseAndForeignPortsAreRefused() {
        RtpPortAllocator a = new RtpPortAllocator(20000, 20009);
        int p = a.allocate();
        a.release(p);
        assertThatThrownBy(() -> a.release(p)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.release(30000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badRangesGetAClearError() {
        assertThatThrownBy(() -> RtpPortAllocator.parse("abc")).hasMessageContaining("10000-20000");
        assertThatThrownBy(() -> RtpPortAllocator.parse("20000-10000")).hasMessageContaining("1024-65535");
        assertThatThrownBy(() -> RtpPortAllocator.parse("80-90")).hasMessageContaining("1024-65535");
    }
}
