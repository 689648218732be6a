package dev.vocadent.telephony.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecorderTest {
    @TempDir
    Path dir;

    private static short[] tone(int frame, double hz, int amplitude) {
        short[] f = new short[160];
        for (int i = 0; i < 160; i++) {
            f[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * (frame * 160 + i) / 8000.0));
        }
        return f;
    }

    @Test
    void monoRecordingIsAValidOggOpusFileOfTheCallsLength() throws Exception {
        Path file = dir.resolve("calls/c1.opus");
        try (CallRecorder r = new CallRecorder(file, false)) {
            for (int i = 0; i < 100; i++) {
                r.onFrame(tone(i, 440, 6000), i % 2 == 0 ? tone(i, 800, 4000) : null);
            }
        }
        OggOpusFile f = OggOpusFile.read(file);
        assertThat(f.channels).isEqualTo(1);
        assertThat(f.inputRate).isEqualTo(8000);
        assertThat(f.tagsFound).isTrue();
        assertThat(f.granules).hasSize(100);
        for (int i = 0; i < f.granules.size(); i++) {
            assertThat(f.granules.get(i)).isEqualTo((i + 1) * 960L);
        }
        assertThat(f.lastPageEos).isTrue();
        assertThat(f.decodedSamplesPerChannel).isEqualTo(100 * 160L); // 2 s at 8 kHz
        assertThat(f.rms).isGreaterThan(2000);
    }

    @Test
    void stereoKeepsCallerAndAgentApart() throws Exception {
        Path file = dir.resolve("c2.opus");
        try (CallRecorder r = new CallRecorder(file, true)) {
            for (int i = 0; i < 50; i++) {
                r.onFrame(tone(i, 440, 6000), null);
            }
        }
        OggOpusFile f = OggOpusFile.read(file);
        assertThat(f.channels).isEqualTo(2);
        assertThat(f.granules).hasSize(50);
        assertThat(f.rms).isGreaterThan(1000);
    }

    @Test
    void silentCallStillGivesAPlayableFile() throws Exception {
        Path file = dir.resolve("c3.opus");
        new CallRecorder(file, false).close();
        OggOpusFile f = OggOpusFile.read(file);
        assertThat(f.granules).hasSize(1);
        assertThat(f.lastPageEos).isTrue();
        assertThat(f.rms).isLessThan(50);
    }
}
