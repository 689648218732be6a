package dev.vocadent.providers.local.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.testing.Speech;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.agent.voice.VadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SileroVadTest {
    static final String[] UTTERANCES = {"I'd like to book a check-up please", "yes please", "private",
        "with Doctor Patel on Tuesday morning"};
    static SileroVad vad;

    @BeforeAll
    static void load() {
        vad = SileroVad.manual(VadOptions.DEFAULTS, 64);
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    /** Records events and every probability. */
    static final class Recorder implements Vad.Listener {
        final List<long[]> spans = new ArrayList<>();
        final List<Float> probabilities = new ArrayList<>();
        int starts;

        @Override
        public void speechStarted(long startMillis) {
            starts++;
        }

        @Override
        public void speechEnded(long startMillis, long endMillis) {
            spans.add(new long[] {startMillis, endMillis});
        }

        @Override
        public void probability(float p, long atMillis) {
            probabilities.add(p);
        }
    }

    /** Utterances separated by silences, light noise throughout; returns the audio and the true spans (ms). */
    static AudioFrame conversation(int rate, List<long[]> truth, int... gapsMillis) {
        List<AudioFrame> parts = new ArrayList<>();
        for (int i = 0; i < gapsMillis.length - 1; i++) {
            parts.add(Speech.espeak(UTTERANCES[i % UTTERANCES.length], "en-gb", rate));
        }
        int total = 0;
        for (int g : gapsMillis) {
            total += AudioFrame.samplesFor(rate, g);
        }
        for (AudioFrame p : parts) {
            total += p.length();
        }
        short[] all = Speech.noise(total, 60, 1);
        int at = AudioFrame.samplesFor(rate, gapsMillis[0]);
        for (int i = 0; i < parts.size(); i++) {
            AudioFrame p = parts.get(i);
            int[] voiced = Speech.voicedSpan(p, 600);
            truth.add(new long[] {(at + voiced[0]) * 1000L / rate, (at + voiced[1]) * 1000L / rate});
            Speech.mix(all, at, p.samples(), p.length());
            at += p.length() + AudioFrame.samplesFor(rate, gapsMillis[i + 1]);
        }
        return AudioFrame.of(all, rate);
    }

    static void feed(Vad.Stream s, AudioFrame a, int frameSamples) {
        for (int off = 0; off < a.length(); off += frameSamples) {
            s.push(a.samples(), off, Math.min(frameSamples, a.length() - off));
        }
    }

    @Test
    void findsEachUtteranceAtItsKnownPosition16k() {
        assertSpansFound(16000);
    }

    @Test
    void findsEachUtteranceAtItsKnownPositionInPhoneAudio8k() {
        assertSpansFound(8000);
    }

    @Test
    void resamplesOtherInputRates() {
        assertSpansFound(48000);
    }

    private void assertSpansFound(int rate) {
        List<long[]> truth = new ArrayList<>();
        AudioFrame audio = conversation(rate, truth, 1000, 1200, 1500, 1000);
        Recorder r = new Recorder();
        Vad.Stream s = vad.stream(rate, r);
        feed(s, audio, rate / 50);
        vad.runPending();
        s.close();
        assertThat(r.spans).as("spans at %d Hz", rate).hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            long[] t = truth.get(i);
            long[] d = r.spans.get(i);
            assertThat(d[0]).as("start of utterance %d", i).isBetween(t[0] - 150, t[0] + 150);
            assertThat(d[1]).as("end of utterance %d", i).isBetween(t[1] - 250, t[1] + 250);
        }
    }

    @Test
    void silenceAndNoiseAreNotSpeech() {
        Recorder r = new Recorder();
        Vad.Stream s = vad.stream(16000, r);
        feed(s, AudioFrame.of(new short[16000 * 2], 16000), 320);
        feed(s, AudioFrame.of(Speech.noise(16000 * 3, 1500, 5), 16000), 320);
        vad.runPending();
        assertThat(r.starts).isZero();
        assertThat(r.probabilities).hasSize((16000 * 5) / 512);
    }

    @Test
    void batchedResultsEqualUnbatched() {
        AudioFrame[] inputs = new AudioFrame[3];
        for (int i = 0; i < 3; i++) {
            inputs[i] = conversation(16000, new ArrayList<>(), 300 + 200 * i, 700, 400);
        }
        // one at a time: each stream alone in the VAD
        List<List<Float>> alone = new ArrayList<>();
        for (AudioFrame a : inputs) {
            Recorder r = new Recorder();
            Vad.Stream s = vad.stream(16000, r);
            feed(s, a, 320);
            vad.runPending();
            alone.add(r.probabilities);
        }
        // together: frames interleaved, so each round batches all three
        long runsBefore = vad.modelRuns();
        Recorder[] rs = {new Recorder(), new Recorder(), new Recorder()};
        Vad.Stream[] ss = new Vad.Stream[3];
        for (int i = 0; i < 3; i++) {
            ss[i] = vad.stream(16000, rs[i]);
        }
        int longest = Math.max(inputs[0].length(), Math.max(inputs[1].length(), inputs[2].length()));
        for (int off = 0; off < longest; off += 512) {
            for (int i = 0; i < 3; i++) {
                if (off < inputs[i].length()) {
                    ss[i].push(inputs[i].samples(), off, Math.min(512, inputs[i].length() - off));
                }
            }
            vad.runPending();
        }
        long windows = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(rs[i].probabilities).hasSameSizeAs(alone.get(i));
            windows += rs[i].probabilities.size();
            for (int k = 0; k < alone.get(i).size(); k++) {
                assertThat(rs[i].probabilities.get(k)).as("call %d window %d", i, k)
                        .isCloseTo(alone.get(i).get(k), org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
        assertThat(vad.modelRuns() - runsBefore).as("batched model runs").isLessThan(windows / 2);
    }

    @Test
    void threadedVadDeliversEventsOnItsOwnThread() throws Exception {
        try (SileroVad threaded = SileroVad.start(VadOptions.DEFAULTS, 8)) {
            CountDownLatch ended = new CountDownLatch(1);
            Vad.Stream s = threaded.stream(8000, new Vad.Listener() {
                @Override
                public void speechStarted(long startMillis) {}

                @Override
                public void speechEnded(long startMillis, long endMillis) {
                    ended.countDown();
                }
            });
            feed(s, conversation(8000, new ArrayList<>(), 500, 800), 160);
            assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new VadOptions(1.5, 0.3, 50, 550)).hasMessageContaining("activation-threshold");
        assertThatThrownBy(() -> new VadOptions(0.5, 0.6, 50, 550)).hasMessageContaining("deactivation-threshold");
        assertThatThrownBy(() -> vad.stream(4000, null)).hasMessageContaining("4000");
    }
}
