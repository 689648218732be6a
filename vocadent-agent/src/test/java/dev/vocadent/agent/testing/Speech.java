package dev.vocadent.agent.testing;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.audio.Wav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Test audio: espeak-ng utterances, silence, noise, and where the speech really is. */
public final class Speech {
    private Speech() {}

    /** {@code text} spoken by espeak-ng ({@code voice}, e.g. en-gb) at {@code rate} Hz. */
    public static AudioFrame espeak(String text, String voice, int rate) {
        try {
            Process p = new ProcessBuilder("espeak-ng", "-v", voice, "--stdout", text)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AudioFrame wav = Wav.read(p.getInputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("espeak-ng failed for: " + text);
            }
            return Resampler.convert(wav, rate);
        } catch (IOException e) {
            throw new UncheckedIOException("espeak-ng not usable (apt-get install espeak-ng)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Index of the first and one past the last sample louder than {@code level}. */
    public static int[] voicedSpan(AudioFrame a, int level) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < a.length(); i++) {
            if (Math.abs(a.samples()[i]) > level) {
                if (first < 0) {
                    first = i;
                }
                last = i + 1;
            }
        }
        return new int[] {first, last};
    }

    public static short[] noise(int samples, double sigma, long seed) {
        Random r = new Random(seed);
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(r.nextGaussian() * sigma)));
        }
        return s;
    }

    /** Adds {@code add} into {@code into} at {@code at}, clipping. */
    public static void mix(short[] into, int at, short[] add, int len) {
        for (int i = 0; i < len && at + i < into.length; i++) {
            into[at + i] = (short) Math.max(-32768, Math.min(32767, into[at + i] + add[i]));
        }
    }
}
