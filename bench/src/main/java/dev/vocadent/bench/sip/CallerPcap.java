package dev.vocadent.bench.sip;

import dev.vocadent.agent.audio.G711;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.telephony.Pcap;
import java.io.IOException;
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
        Pcap pcap = new Pcap();
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < 160; i++) {
                pcm[i] = cycle[(int) (((long) f * 160 + i) % cycle.length)];
            }
            byte[] payload = new byte[160];
            G711.encodeUlaw(pcm, 0, payload, 0, 160);
            pcap.rtp(f * 20_000L, 0, f == 0, 8000L + f * 160L, payload);
        }
        pcap.write(file);
    }
}
