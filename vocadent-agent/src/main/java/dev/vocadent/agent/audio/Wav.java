package dev.vocadent.agent.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes mono 16-bit PCM RIFF/WAVE files (the format espeak-ng and sox produce). */
public final class Wav {
    private Wav() {}

    /** Reads a WAV file; stereo is down-mixed to mono. Throws {@link IOException} on anything else. */
    public static AudioFrame read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads a WAV stream. Tolerates the "unknown length" headers of streamed output (espeak-ng
     * {@code --stdout} writes 0x7fffffff sizes): the data chunk then runs to the end of the stream.
     */
    public static AudioFrame read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        while (pos + 8 <= all.length) {
            int id = b.getInt(pos);
            long len = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (len < 16 || body + 16 > all.length) {
                    throw new IOException("truncated fmt chunk");
                }
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xffff;
            } else if (id == 0x61746164) { // "data"
                if (channels == 0) {
                    throw new IOException("data chunk before fmt chunk");
                }
                if ((format != 1 && format != 0xfffe) || bits != 16 || channels > 2 || rate <= 0) {
                    throw new IOException("unsupported WAV: format " + format + ", " + bits + " bit, "
                            + channels + " channels, " + rate + " Hz (need 16-bit PCM, mono or stereo)");
                }
                int end = (int) Math.min(all.length, body + len);
                int frames = (end - body) / (2 * channels);
                short[] s = new short[frames];
                for (int i = 0; i < frames; i++) {
                    int at = body + i * 2 * channels;
                    s[i] = channels == 1 ? b.getShort(at) : (short) ((b.getShort(at) + b.getShort(at + 2)) / 2);
                }
                return AudioFrame.of(s, rate);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + len + (len & 1));
        }
        throw new IOException("no data chunk");
    }

    public static void write(Path file, AudioFrame audio) throws IOException {
        Files.write(file, bytes(audio));
    }

    /** The WAV file bytes of {@code audio} (mono, 16-bit). */
    public static byte[] bytes(AudioFrame audio) {
        int dataLen = audio.length() * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataLen).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataLen).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(audio.sampleRate()).putInt(audio.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataLen);
        for (int i = 0; i < audio.length(); i++) {
            b.putShort(audio.samples()[i]);
        }
        return b.array();
    }

    /** Raw little-endian PCM16 bytes to samples. */
    public static short[] fromLittleEndian(byte[] data, int off, int len) {
        short[] s = new short[len / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((data[off + 2 * i] & 0xff) | (data[off + 2 * i + 1] << 8));
        }
        return s;
    }
}
