package dev.vocadent.telephony.rtp;

import java.nio.charset.StandardCharsets;

/** Writes the RTCP packets we send (RFC 3550 6.4, 6.5, 6.6): SR or RR + SDES CNAME, and BYE. */
final class Rtcp {
    private static final long NTP_EPOCH_OFFSET = 2208988800L;

    private Rtcp() {}

    /** Reception figures for one report block. */
    record Reception(long remoteSsrc, int fractionLost, int cumulativeLost, long extendedHighestSeq, long jitter) {}

    /**
     * A compound report: SR when we have sent media (else RR), one report block when we have a
     * remote source, SDES CNAME, and BYE when {@code bye}. Returns the length written into buf.
     */
    static int compound(byte[] buf, long ssrc, boolean sender, long wallMillis, long rtpTimestamp, long packets,
                        long octets, Reception reception, String cname, boolean bye) {
        int off = 0;
        int blocks = reception == null ? 0 : 1;
        int start = off;
        buf[off] = (byte) (0x80 | blocks);
        buf[off + 1] = (byte) (sender ? 200 : 201);
        off += 4;
        RtpPacket.writeUint32(buf, off, ssrc);
        off += 4;
        if (sender) {
            long secs = wallMillis / 1000 + NTP_EPOCH_OFFSET;
            long frac = ((wallMillis % 1000) << 32) / 1000;
            RtpPacket.writeUint32(buf, off, secs);
            RtpPacket.writeUint32(buf, off + 4, frac);
            RtpPacket.writeUint32(buf, off + 8, rtpTimestamp);
            RtpPacket.writeUint32(buf, off + 12, packets);
            RtpPacket.writeUint32(buf, off + 16, octets);
            off += 20;
        }
        if (reception != null) {
            RtpPacket.writeUint32(buf, off, reception.remoteSsrc());
            int lost = Math.max(-0x800000, Math.min(0x7fffff, reception.cumulativeLost()));
            RtpPacket.writeUint32(buf, off + 4, ((long) (reception.fractionLost() & 0xff) << 24) | (lost & 0xffffff));
            RtpPacket.writeUint32(buf, off + 8, reception.extendedHighestSeq());
            RtpPacket.writeUint32(buf, off + 12, reception.jitter());
            RtpPacket.writeUint32(buf, off + 16, 0);
            RtpPacket.writeUint32(buf, off + 20, 0);
            off += 24;
        }
        setLength(buf, start, off);
        // SDES with one chunk: SSRC, CNAME item, END, padded to 32 bits
        start = off;
        byte[] name = cname.getBytes(StandardCharsets.US_ASCII);
        int nameLen = Math.min(name.length, 255);
        buf[off] = (byte) 0x81;
        buf[off + 1] = (byte) 202;
        off += 4;
        RtpPacket.writeUint32(buf, off, ssrc);
        off += 4;
        buf[off++] = 1;
        buf[off++] = (byte) nameLen;
        System.arraycopy(name, 0, buf, off, nameLen);
        off += nameLen;
        buf[off++] = 0;
        while ((off - start) % 4 != 0) {
            buf[off++] = 0;
        }
        setLength(buf, start, off);
        if (bye) {
            start = off;
            buf[off] = (byte) 0x81;
            buf[off + 1] = (byte) 203;
            off += 4;
            RtpPacket.writeUint32(buf, off, ssrc);
            off += 4;
            setLength(buf, start, off);
        }
        return off;
    }

    private static void setLength(byte[] buf, int start, int end) {
        int words = (end - start) / 4 - 1;
        buf[start + 2] = (byte) (words >> 8);
        buf[start + 3] = (byte) words;
    }
}
