package dev.vocadent.telephony;

import dev.vocadent.agent.audio.G711;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a sipp caller sends in one {@code play_pcap_audio}: an unbroken 20 ms PCMU stream (silence
 * between the caller's words, so the server's RTP timeout never fires) with speech and RFC 4733 key
 * presses laid out in time. Build it in order, then {@link #write} the pcap.
 *
 * <pre>{@code
 * CallerTrack t = new CallerTrack().silence(6).speech(pcm8k).silence(9).dtmf("07700900456#").silence(5);
 * t.write(dir.resolve("audio.pcap"));
 * }</pre>
 */
public final class CallerTrack {
    private static final int FRAME = 160;
    private static final byte[] SILENCE = new byte[FRAME];

    static {
        Arrays.fill(SILENCE, (byte) 0xff); // PCMU zero
    }

    private final Pcap pcap = new Pcap();
    private long micros;
    private long timestamp = 8000;
    private boolean first = true;

    /** {@code seconds} of silence (rounded to whole 20 ms frames). */
    public CallerTrack silence(double seconds) {
        long frames = Math.round(seconds * 50);
        for (long i = 0; i < frames; i++) {
            frame(SILENCE);
        }
        return this;
    }

    /** Speech as 8 kHz 16-bit samples; the last frame is padded with silence. */
    public CallerTrack speech(short[] pcm8k) {
        short[] buf = new short[FRAME];
        byte[] ulaw = new byte[FRAME];
        for (int off = 0; off < pcm8k.length; off += FRAME) {
            int n = Math.min(FRAME, pcm8k.length - off);
            System.arraycopy(pcm8k, off, buf, 0, n);
            Arrays.fill(buf, n, FRAME, (short) 0);
            G711.encodeUlaw(buf, 0, ulaw, 0, FRAME);
            frame(ulaw.clone());
        }
        return this;
    }

    /**
     * Keys as RFC 4733 events (PT 101): per key 120 ms of event packets (end packet sent three times,
     * as a phone does), then 200 ms of silence before the next key.
     */
    public CallerTrack dtmf(String keys) {
        for (char k : keys.toCharArray()) {
            int event = "0123456789*#ABCD".indexOf(Character.toUpperCase(k));
            if (event < 0) {
                throw new IllegalArgumentException("not a DTMF key: " + k);
            }
            long start = timestamp;
            for (int i = 1; i <= 8; i++) {
                boolean end = i >= 6;
                int duration = Math.min(i, 6) * FRAME;
                byte[] ev = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
                pcap.rtp(micros, 101, i == 1, start, ev);
                micros += 20_000;
            }
            timestamp += 8 * FRAME;
            silence(0.2);
        }
        return this;
    }

    /** Length of the track so far. */
    public double seconds() {
        return micros / 1e6;
    }

    public void write(Path file) throws IOException {
        pcap.write(file);
    }

    private void frame(byte[] ulaw) {
        pcap.rtp(micros, 0, first, timestamp, ulaw);
        first = false;
        micros += 20_000;
        timestamp += FRAME;
    }
}
