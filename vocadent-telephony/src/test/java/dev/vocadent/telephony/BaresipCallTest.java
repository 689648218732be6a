package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * baresip (a second, independent SIP UA, Debian package baresip-core) calls the server with a
 * 1 kHz tone WAV as its microphone and records what it hears; audio must arrive at both ends.
 */
class BaresipCallTest {
    @TempDir
    Path dir;

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/baresip"));
    }

    @Test
    void fullCallWithAudioBothWays() throws Exception {
        if (!available() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("baresip missing in CI: .ci/run installs baresip-core");
        }
        assumeTrue(available(), "baresip not installed (apt-get install baresip-core)");
        try (var t = new TestServer()) {
            int sipPort = Sipp.freeUdpPort();
            int rtpBase = Sipp.freeEvenUdpPort();
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "sip_listen 127.0.0.1:" + sipPort,
                    "audio_player aubridge,nowhere",
                    "audio_source aufile," + dir.resolve("mic.wav"),
                    "audio_alert aubridge,nowhere",
                    "rtp_ports " + rtpBase + "-" + (rtpBase + 3),
                    "rtp_stats yes",
                    "module_path /usr/lib/baresip/modules",
                    "module g711.so",
                    "module aufile.so",
                    "module aubridge.so",
                    "module sndfile.so",
                    "module menu.so",
                    "module account.so",
                    "snd_path " + dir,
                    "") + "\n");
            writeToneWav(dir.resolve("mic.wav"), 1000, 10);
            Files.writeString(dir.resolve("accounts"), "<sip:caller@127.0.0.1>;regint=0;audio_codecs=PCMU\n");
            Files.writeString(dir.resolve("contacts"), "");
            Process p = new ProcessBuilder("baresip", "-f", dir.toString(),
                    "-e", "/dial sip:+441632960001@127.0.0.1:" + t.port(), "-t", "5")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.out").toFile()).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(dir.resolve("baresip.out"), StandardCharsets.ISO_8859_1);
            var probe = t.handler.only();
            assertThat(probe.ended.get(10, TimeUnit.SECONDS)).as(out).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(probe.loudFramesIn).as(out).isGreaterThan(100); // baresip's sine reached us
            Path heard;
            try (var files = Files.list(dir)) {
                heard = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst().orElse(null);
            }
            assertThat(heard).as("baresip recorded what it heard; " + out).isNotNull();
            assertThat(rms(Files.readAllBytes(heard))).as(out).isGreaterThan(1000); // our 600 Hz tone reached baresip
            t.awaitIdle();
            assertThat(t.ports.inUse()).isZero();
        }
    }

    static void writeToneWav(Path path, double hz, int seconds) throws java.io.IOException {
        int n = 8000 * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000.0)));
        }
        Files.write(path, b.array());
    }

    /** RMS of the 16-bit samples of a WAV file (header skipped). */
    static double rms(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int dataAt = 12;
        while (dataAt + 8 <= wav.length) {
            String id = new String(wav, dataAt, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(dataAt + 4);
            if (id.equals("data")) {
                dataAt += 8;
                break;
            }
            dataAt += 8 + size;
        }
        double sum = 0;
        int n = 0;
        for (int i = dataAt; i + 1 < wav.length; i += 2, n++) {
            double s = b.getShort(i);
            sum += s * s;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }
}
