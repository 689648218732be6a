package dev.vocadent.telephony.rtp;

/**
 * An RTP header view over a received datagram (RFC 3550 5.1), and the writer for the fixed
 * 12-byte header we send. Parsing allocates nothing.
 */
final class RtpPacket {
    int payloadType;
    boolean marker;
    int sequence;
    long timestamp;
    long ssrc;
    int payloadOffset;
    int payloadLength;

    /** Reads the header of {@code buf[0..len)}; false when it is not a usable RTP packet. */
    boolean parse(byte[] buf, int len) {
        if (len < 12 || (buf[0] & 0xc0) != 0x80) {
            return false;
        }
        boolean padding = (buf[0] & 0x20) != 0;
        boolean extension = (buf[0] & 0x10) != 0;
        int csrcCount = buf[0] & 0x0f;
        marker = (buf[1] & 0x80) != 0;
        payloadType = buf[1] & 0x7f;
        if (payloadType >= 72 && payloadType <= 76) {
            return false; // RTCP on the RTP port (RFC 5761), not media
        }
        sequence = ((buf[2] & 0xff) << 8) | (buf[3] & 0xff);
        timestamp = readUint32(buf, 4);
        ssrc = readUint32(buf, 8);
        int off = 12 + 4 * csrcCount;
        if (extension) {
            if (off + 4 > len) {
                return false;
            }
            int words = ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
            off += 4 + 4 * words;
        }
        int end = len;
        if (padding) {
            int pad = buf[len - 1] & 0xff;
            end -= pad;
        }
        if (off > end) {
            return false;
        }
        payloadOffset = off;
        payloadLength = end - off;
        return true;
    }

    static void writeHeader(byte[] buf, int payloadType, boolean marker, int sequence, long timestamp, long ssrc) {
        buf[0] = (byte) 0x80;
        buf[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7f));
        buf[2] = (byte) (sequence >> 8);
        buf[3] = (byte) sequence;
        writeUint32(buf, 4, timestamp);
        writeUint32(buf, 8, ssrc);
    }

    static long readUint32(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static void writeUint32(byte[] b, int off, long v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }
}
