package dev.vocadent.telephony.recording;

import io.github.jaredmdobson.concentus.OpusDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test reader: parses an Ogg/Opus file page by page (checking every CRC) and decodes it with concentus. */
public final class OggOpusFile {
    public int channels;
    public int inputRate;
    public int preSkip;
    public boolean tagsFound;
    public final List<Long> granules = new ArrayList<>();
    public boolean lastPageEos;
    public long decodedSamplesPerChannel;
    public double rms;

    public static OggOpusFile read(Path path) throws Exception {
        byte[] data = Files.readAllBytes(path);
        OggOpusFile f = new OggOpusFile();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int off = 0;
        int page = 0;
        OpusDecoder decoder = null;
        short[] pcm = new short[5760 * 2];
        double sum = 0;
        long n = 0;
        while (off < data.length) {
            if (!new String(data, off, 4, StandardCharsets.US_ASCII).equals("OggS")) {
                throw new IOException("no capture pattern at " + off);
            }
            int flags = data[off + 5];
            long granule = b.getLong(off + 6);
            int storedCrc = b.getInt(off + 22);
            int segments = data[off + 26] & 0xff;
            int len = 0;
            for (int i = 0; i < segments; i++) {
                len += data[off + 27 + i] & 0xff;
            }
            int header = 27 + segments;
            byte[] copy = java.util.Arrays.copyOfRange(data, off, off + header + len);
            copy[22] = copy[23] = copy[24] = copy[25] = 0;
            if (OggPageWriter.crc(copy, copy.length) != storedCrc) {
                throw new IOException("bad CRC on page " + page);
            }
            int p = off + header;
            if (page == 0) {
                if ((flags & 0x02) == 0 || !new String(data, p, 8, StandardCharsets.US_ASCII).equals("OpusHead")) {
                    throw new IOException("first page is not a BOS OpusHead");
                }
                f.channels = data[p + 9];
                f.preSkip = b.getShort(p + 10) & 0xffff;
                f.inputRate = b.getInt(p + 12);
                decoder = new OpusDecoder(8000, f.channels);
            } else if (page == 1) {
                f.tagsFound = new String(data, p, 8, StandardCharsets.US_ASCII).equals("OpusTags");
            } else {
                f.granules.add(granule);
                int got = decoder.decode(data, p, len, pcm, 0, 960, false);
                f.decodedSamplesPerChannel += got;
                for (int i = 0; i < got * f.channels; i++) {
                    sum += (double) pcm[i] * pcm[i];
                    n++;
                }
            }
            f.lastPageEos = (flags & 0x04) != 0;
            off += header + len;
            page++;
        }
        f.rms = n == 0 ? 0 : Math.sqrt(sum / n);
        return f;
    }
}
