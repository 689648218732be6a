package dev.vocadent.telephony;

import dev.vocadent.agent.audio.G711;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes pcap files of RTP packets (Ethernet/IPv4/UDP) for sipp's play_pcap_audio (tests and the SIP load bench). */
public final class Pcap {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int seq = 1000;

    public Pcap() {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
    }

    public void rtp(long atMicros, int pt, boolean marker, long timestamp, byte[] payload) {
        byte[] rtp = new byte[12 + payload.length];
        rtp[0] = (byte) 0x80;
        rtp[1] = (byte) ((marker ? 0x80 : 0) | pt);
        rtp[2] = (byte) (seq >> 8);
        rtp[3] = (byte) seq;
        seq = (seq + 1) & 0xffff;
        ByteBuffer.wrap(rtp, 4, 8).putInt((int) timestamp).putInt(0x12345678);
        System.arraycopy(payload, 0, rtp, 12, payload.length);
        int udpLen = 8 + rtp.length;
        int ipLen = 20 + udpLen;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLen);
        f.put(new byte[12]).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) ipLen).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        f.putShort((short) 40000).putShort((short) 40002).putShort((short) udpLen).putShort((short) 0);
        f.put(rtp);
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt((int) (atMicros / 1_000_000)).putInt((int) (atMicros % 1_000_000)).putInt(f.capacity()).putInt(f.capacity());
        out.writeBytes(rec.array());
        out.writeBytes(f.array());
    }

    public void write(Path path) throws IOException {
        Files.write(path, out.toByteArray());
    }

    /** {@code seconds} of a sine tone as 20 ms PCMU packets. */
    static Pcap tone(double hz, int amplitude, double seconds) {
        Pcap p = new Pcap();
        int frames = (int) Math.round(seconds * 50);
        short[] pcm = new short[160];
        byte[] ulaw = new byte[160];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < 160; i++) {
                pcm[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * (f * 160 + i) / 8000.0));
            }
            G711.encodeUlaw(pcm, 0, ulaw, 0, 160);
            p.rtp(f * 20_000L, 0, f == 0, 8000L + f * 160L, ulaw.clone());
        }
        return p;
    }

    /**
     * RFC 4733 events for {@code digits}, PT 101, no marker bits: each digit 5 packets growing in
     * duration, then the end packet three times; 200 ms apart; silence PCMU packets before and after.
     */
    static Pcap dtmf(String digits) {
        Pcap p = new Pcap();
        long t = 0;
        long ts = 8000;
        byte[] silence = new byte[160];
        java.util.Arrays.fill(silence, (byte) 0xff);
        for (int i = 0; i < 10; i++, t += 20_000, ts += 160) {
            p.rtp(t, 0, i == 0, ts, silence);
        }
        for (char d : digits.toCharArray()) {
            int event = "0123456789*#ABCD".indexOf(d);
            long start = ts;
            for (int k = 1; k <= 8; k++, t += 20_000) {
                boolean end = k >= 6;
                int duration = Math.min(k, 6) * 160;
                byte[] ev = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
                p.rtp(t, 101, false, start, ev);
            }
            ts += 6 * 160;
            for (int i = 0; i < 10; i++, t += 20_000, ts += 160) {
                p.rtp(t, 0, false, ts, silence);
            }
        }
        return p;
    }
}
