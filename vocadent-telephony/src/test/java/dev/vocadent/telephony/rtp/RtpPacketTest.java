package dev.vocadent.telephony.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {
    @Test
    void writtenHeaderParsesBack() {
        byte[] buf = new byte[172];
        RtpPacket.writeHeader(buf, 8, true, 0xfffe, 0xfffffff0L, 0xdeadbeefL);
        RtpPacket p = new RtpPacket();
        assertThat(p.parse(buf, buf.length)).isTrue();
        assertThat(p.payloadType).isEqualTo(8);
        assertThat(p.marker).isTrue();
        assertThat(p.sequence).isEqualTo(0xfffe);
        assertThat(p.timestamp).isEqualTo(0xfffffff0L);
        assertThat(p.ssrc).isEqualTo(0xdeadbeefL);
        assertThat(p.payloadOffset).isEqualTo(12);
        assertThat(p.payloadLength).isEqualTo(160);
    }

    @Test
    void csrcExtensionAndPaddingAreSkipped() {
        byte[] buf = new byte[12 + 4 + 8 + 10 + 2];
        RtpPacket.writeHeader(buf, 0, false, 1, 2, 3);
        buf[0] = (byte) (0x80 | 0x20 | 0x10 | 1);
        buf[16 + 3] = 1; // extension of one word
        buf[buf.length - 1] = 2; // two bytes of padding
        RtpPacket p = new RtpPacket();
        assertThat(p.parse(buf, buf.length)).isTrue();
        assertThat(p.payloadOffset).isEqualTo(24);
        assertThat(p.payloadLength).isEqualTo(10);
    }

    @Test
    void garbageAndRtcpAreNotMedia() {
        RtpPacket p = new RtpPacket();
        assertThat(p.parse(new byte[5], 5)).isFalse();
        byte[] v1 = new byte[20];
        v1[0] = 0x40;
        assertThat(p.parse(v1, 20)).isFalse();
        byte[] rtcp = new byte[20];
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 200;
        assertThat(p.parse(rtcp, 20)).isFalse();
        byte[] badPad = new byte[14];
        badPad[0] = (byte) 0xa0;
        badPad[13] = 100;
        assertThat(p.parse(badPad, 14)).isFalse();
    }
}
