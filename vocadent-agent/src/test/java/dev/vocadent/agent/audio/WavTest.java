package dev.vocadent.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {
    @Test
    void writeThenReadGivesTheSameSamples(@TempDir Path dir) throws IOException {
        AudioFrame a = AudioFrame.of(Signals.sine(440, 16000, 0.1, 12000), 16000);
        Path f = dir.resolve("a.wav");
        Wav.write(f, a);
        AudioFrame b = Wav.read(f);
        assertThat(b.sampleRate()).isEqualTo(16000);
        assertThat(b.samples()).containsExactly(a.samples());
        assertThat(Files.size(f)).isEqualTo(44 + 2L * a.length());
    }

    @Test
    void readsStreamedHeaderWithUnknownLength() throws IOException {
        byte[] bytes = Wav.bytes(AudioFrame.of(new short[] {1, -2, 3}, 22050));
        bytes[40] = bytes[41] = bytes[42] = (byte) 0xff; // data size 0x7fffffff as espeak-ng --stdout writes
        bytes[43] = 0x7f;
        AudioFrame a = Wav.read(new ByteArrayInputStream(bytes));
        assertThat(a.samples()).containsExactly((short) 1, (short) -2, (short) 3);
    }

    @Test
    void refusesWhatIsNotSixteenBitPcmWav() {
        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream("hello world, not a wav".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("RIFF");
        byte[] bytes = Wav.bytes(AudioFrame.of(new short[4], 8000));
        bytes[34] = 8; // 8-bit
        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("8 bit");
    }

    @Test
    void framePoolReusesBuffers() {
        FramePool pool = new FramePool(160, 4);
        short[] a = pool.take();
        pool.give(a);
        assertThat(pool.take()).isSameAs(a);
        pool.give(new short[10]); // wrong size is not pooled
        assertThat(pool.idle()).isZero();
    }

    @Test
    void frameDurationFollowsSampleRate() {
        assertThat(new AudioFrame(new short[320], 320, 16000).durationMillis()).isEqualTo(20);
        assertThat(AudioFrame.samplesFor(8000, 20)).isEqualTo(160);
        assertThatThrownBy(() -> new AudioFrame(new short[2], 3, 8000)).isInstanceOf(IllegalArgumentException.class);
    }
}
