package dev.vocadent.telephony.recording;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one logical Ogg bitstream (RFC 3533), one packet per page: header with granule position,
 * serial, sequence number, lacing values and the Ogg CRC-32 (polynomial 0x04c11db7, no reflection).
 */
final class OggPageWriter {
    private static final int[] CRC = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
            }
            CRC[i] = r;
        }
    }

    private final OutputStream out;
    private final int serial;
    private int sequence;
    private final byte[] page = new byte[27 + 255 + 255 * 255];

    OggPageWriter(OutputStream out, int serial) {
        this.out = out;
        this.serial = serial;
    }

    /** Writes {@code packet} as a page; {@code bos}/{@code eos} mark the stream's first/last page. */
    void writePacket(byte[] packet, int length, long granule, boolean bos, boolean eos) throws IOException {
        if (length > 255 * 254) {
            throw new IOException("packet too large for one page: " + length);
        }
        int segments = length / 255 + 1;
        page[0] = 'O';
        page[1] = 'g';
        page[2] = 'g';
        page[3] = 'S';
        page[4] = 0;
        page[5] = (byte) ((bos ? 0x02 : 0) | (eos ? 0x04 : 0));
        for (int i = 0; i < 8; i++) {
            page[6 + i] = (byte) (granule >>> (8 * i));
        }
        writeLe32(14, serial);
        writeLe32(18, sequence++);
        writeLe32(22, 0);
        page[26] = (byte) segments;
        int rest = length;
        for (int i = 0; i < segments; i++) {
            int lace = Math.min(255, rest);
            page[27 + i] = (byte) lace;
            rest -= lace;
        }
        int header = 27 + segments;
        System.arraycopy(packet, 0, page, header, length);
        int total = header + length;
        writeLe32(22, crc(page, total));
        out.write(page, 0, total);
    }

    static int crc(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ data[i]) & 0xff];
        }
        return crc;
    }

    private void writeLe32(int off, int v) {
        page[off] = (byte) v;
        page[off + 1] = (byte) (v >>> 8);
        page[off + 2] = (byte) (v >>> 16);
        page[off + 3] = (byte) (v >>> 24);
    }
}
