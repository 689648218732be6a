package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.brain.ExpectedAnswer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakesTest {
    static short[] toneThenSilence(int rate, int toneMs, int silenceMs) {
        short[] s = new short[rate * (toneMs + silenceMs) / 1000];
        for (int i = 0; i < rate * toneMs / 1000; i++) {
            s[i] = (short) (5000 * Math.sin(i * 0.3));
        }
        return s;
    }

    @Test
    void energyVadFindsToneBursts() {
        List<long[]> spans = new ArrayList<>();
        Vad.Stream s = new EnergyVad(500, VadOptions.DEFAULTS).stream(8000, new Vad.Listener() {
            @Override
            public void speechStarted(long startMillis) {}

            @Override
            public void speechEnded(long startMillis, long endMillis) {
                spans.add(new long[] {startMillis, endMillis});
            }
        });
        short[] a = toneThenSilence(8000, 800, 1000);
        s.push(new short[8000], 0, 8000);
        s.push(a, 0, a.length);
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0)).containsExactly(1000, 1800);
    }

    @Test
    void scriptedSttAnswersEachUtteranceInTurn() {
        ScriptedSpeechToText stt = new ScriptedSpeechToText(List.of("yes please", "private"), 500);
        List<String> got = new ArrayList<>();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", List.of()), new SpeechToText.Listener() {
            @Override
            public void finalText(String text, double confidence) {
                got.add(text);
            }

            @Override
            public void endOfUtterance() {
                got.add("|");
            }
        });
        s.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO));
        short[] a = toneThenSilence(8000, 500, 400);
        s.push(a, 0, a.length);
        s.push(a, 0, 4000);
        s.finalizeUtterance();
        assertThat(got).containsExactly("yes please", "|", "private", "|");
        assertThat(stt.expectations).containsExactly(ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO));
    }
}
