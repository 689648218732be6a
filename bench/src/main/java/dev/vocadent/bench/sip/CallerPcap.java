package dev.vocadent.bench.sip;

import dev.vocadent.agent.audio.G711;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.providers.local.tts.EspeakTts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's side of a bench call: espeak-ng speech turns with pauses for the agent's answer, as
 * 20 ms G.711 µ-law RTP packets in a pcap (Ethernet/IPv4/UDP) for sipp's {@code play_pcap_audio}.
 */
final class CallerPcap {
    static final String[] TURNS = {
        "Hello, I'd like to book a check-up with Doctor Patel please.",
        "Yes, Tuesday morning would be fine.",
        "My name is Jane Smith, and my date of birth is the third of May.",
        "Thank you, that's all for today.",
    };

    private CallerPcap() {}

    /** One cycle of caller audio at 8 kHz: each turn after 0.5 s of silence, then 4 s for the agent to answer. */
    static short[] speechCycle() throws TtsException {
        EspeakTts espeak = new EspeakTts();
        List<short[]> parts = new ArrayList<>();
        for (String turn : TURNS) {
            parts.add(new short[4000]);
            var speech = espeak.synthesize(turn, null, 8000, 10_000);
            parts.add(java.util.Arrays.copyOf(speech.samples(), speech.length()));
            parts.add(new short[32000]);
        }
        int n = parts.stream().mapToInt(p -> p.length).sum();
        short[] all = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Writes {@code seconds} of {@code cycle} (looped) as 50 packets a second to {@code file}. */
    static void write(short[] cycle, double seconds, Path file) throws IOException {
        int frames = (int) Math.ceil(seconds * 50);
        short[] pcm = new short[160];
        byte[] payload = new byte[160];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            out.write(h.array());
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < 160; i++) {
                    pcm[i] = cycle[(int) (((long) f * 160 + i) % cycle.length)];
                }
                G711.encodeUlaw(pcm, 0, payload, 0, 160);
                out.write(packet(f * 20_000L, f == 0, f, 8000L + f * 160L, payload));
            }
        }
    }

    private static byte[] packet(long atMicros, boolean marker, int seq, long timestamp, byte[] payload) {
        int udpLen = 8 + 12 + payload.length;
        int ipLen = 20 + udpLen;
        ByteBuffer rec = ByteBuffer.allocate(16 + 14 + ipLen);
        rec.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (atMicros / 1_000_000)).putInt((int) (atMicros % 1_000_000)).putInt(14 + ipLen).putInt(14 + ipLen);
        rec.order(ByteOrder.BIG_ENDIAN);
        rec.put(new byte[12]).putShort((short) 0x0800);
        rec.put((byte) 0x45).put((byte) 0).putShort((short) ipLen).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        rec.putShort((short) 40000).putShort((short) 40002).putShort((short) udpLen).putShort((short) 0);
        rec.put((byte) 0x80).put((byte) (marker ? 0x80 : 0)).putShort((short) seq).putInt((int) timestamp).putInt(0x5ca11e5);
        rec.put(payload);
        return rec.array();
    }
}
