package dev.vocadent.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @ParameterizedTest(name = "{0} Hz → {1} Hz keeps a {2} Hz sine")
    @CsvSource({"8000,16000,1000", "16000,8000,1000", "8000,48000,440", "48000,8000,3000", "16000,24000,2500",
            "24000,16000,5000", "22050,8000,1200", "24000,48000,7000", "48000,16000,6000"})
    void keepsFrequencyAndAmplitudeOfAPassbandSine(int in, int out, double freq) {
        short[] x = Signals.sine(freq, in, 1.0, 10000);
        AudioFrame y = Resampler.convert(AudioFrame.of(x, in), out);

        assertThat(y.sampleRate()).isEqualTo(out);
        assertThat(y.length()).isEqualTo(out);
        int from = out / 10;
        int to = out - out / 10;
        assertThat(Signals.peakFrequency(y.samples(), from, to, out)).isCloseTo(freq, within(10.0));
        assertThat(Signals.amplitudeAt(y.samples(), from, to, freq, out)).isCloseTo(10000, within(10000 * 0.03));
    }

    @Test
    void lineUpWithTheInputInTime() {
        // a sine at 8 kHz resampled to 16 kHz must equal the same sine generated at 16 kHz (no delay)
        AudioFrame y = Resampler.convert(AudioFrame.of(Signals.sine(500, 8000, 0.5, 8000), 8000), 16000);
        short[] direct = Signals.sine(500, 16000, 0.5, 8000);
        double err = 0;
        for (int i = 800; i < 7200; i++) {
            err = Math.max(err, Math.abs(y.samples()[i] - direct[i]));
        }
        assertThat(err).isLessThan(80); // < 1% of amplitude
    }

    @ParameterizedTest(name = "{0} Hz → {1} Hz suppresses a {2} Hz tone above the new Nyquist")
    @CsvSource({"16000,8000,5000", "48000,8000,6000", "48000,16000,11000", "24000,8000,7000", "22050,8000,6000"})
    void suppressesToneAboveTheNewNyquistInsteadOfAliasingIt(int in, int out, double freq) {
        short[] x = Signals.sine(freq, in, 1.0, 10000);
        AudioFrame y = Resampler.convert(AudioFrame.of(x, in), out);
        double alias = out - freq; // where it would fold to
        int from = out / 10;
        int to = out - out / 10;
        double rms = Signals.rms(y.samples(), from, to);
        assertThat(Signals.amplitudeAt(y.samples(), from, to, alias, out)).isLessThan(10000 * 0.01); // < -40 dB
        assertThat(rms).isLessThan(10000 * 0.01);
    }

    @Test
    void streamingInTwentyMillisecondFramesEqualsOneShot() {
        short[] x = Signals.sine(700, 8000, 1.0, 9000);
        Resampler whole = new Resampler(8000, 16000);
        short[] a = new short[whole.maxOutput(x.length)];
        int na = whole.process(x, 0, x.length, a, 0);

        Resampler streamed = new Resampler(8000, 16000);
        short[] b = new short[a.length + 1000];
        short[] out = new short[streamed.maxOutput(160)];
        int nb = 0;
        for (int off = 0; off < x.length; off += 160) {
            int n = streamed.process(x, off, 160, out, 0);
            System.arraycopy(out, 0, b, nb, n);
            nb += n;
        }
        assertThat(nb).isEqualTo(na);
        for (int i = 0; i < na; i++) {
            assertThat(b[i]).as("sample %d", i).isEqualTo(a[i]);
        }
    }

    @Test
    void refusesNonPositiveRates() {
        assertThatThrownBy(() -> new Resampler(0, 8000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resampler(8000, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
