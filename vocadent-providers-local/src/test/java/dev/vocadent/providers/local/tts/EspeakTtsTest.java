package dev.vocadent.providers.local.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.agent.voice.TtsRecorder;
import dev.vocadent.core.config.VoiceConfig;
import dev.vocadent.core.config.VoiceSettings;
import org.junit.jupiter.api.Test;

class EspeakTtsTest {
    private final EspeakTts tts = new EspeakTts();

    private static VoiceConfig speed(double s) {
        return new VoiceConfig("ignored", "ignored", new VoiceSettings(null, null, s, null));
    }

    @Test
    void speaksASentenceAtTheRequestedRate() throws Exception {
        AudioFrame a = tts.synthesize("Thank you for calling Westbury Dental.", null, 8000, 10_000);
        assertThat(a.sampleRate()).isEqualTo(8000);
        assertThat(a.durationMillis()).isBetween(1200, 4000);
        double energy = 0;
        for (int i = 0; i < a.length(); i++) {
            energy += Math.abs(a.samples()[i]);
        }
        assertThat(energy / a.length()).as("mean level").isGreaterThan(300);
    }

    @Test
    void clinicSpeedChangesTheSpeakingRate() throws Exception {
        String text = "Would you like an NHS or a private appointment?";
        int normal = tts.synthesize(text, speed(1.0), 16000, 10_000).length();
        int fast = tts.synthesize(text, speed(1.2), 16000, 10_000).length();
        int slow = tts.synthesize(text, speed(0.8), 16000, 10_000).length();
        assertThat(fast).isLessThan(normal);
        assertThat(slow).isGreaterThan(normal);
        assertThat(tts.wordsPerMinute(speed(1.2))).isEqualTo(204);
        assertThat(tts.wordsPerMinute(null)).isEqualTo(170);
    }

    @Test
    void streamsSentenceBySentenceAndReportsEachDone() throws Exception {
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts.stream(null, 24000, r);
        s.pushText("Dr. Okafor is free at 2:30.");
        s.pushText("It costs £27.40.");
        s.endInput();
        assertThat(r.await()).isTrue();
        assertThat(r.error).isNull();
        assertThat(r.voiced).containsExactly("Dr. Okafor is free at 2:30.", "It costs £27.40.");
        assertThat(r.samples()).isGreaterThan(24000);
    }

    @Test
    void cancelStopsMidSentence() throws Exception {
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts.stream(null, 16000, r);
        s.pushText(("This is a long sentence that would take several seconds to speak from start to end, "
                + "so cancelling it must cut it short well before the end. ").repeat(6));
        for (int i = 0; i < 500 && r.samples() == 0; i++) {
            Thread.sleep(5);
        }
        s.cancel();
        long at = r.samples();
        Thread.sleep(300);
        assertThat(r.samples()).isEqualTo(at);
        assertThat(r.voiced).isEmpty();
        assertThat(r.done).isFalse();
    }

    @Test
    void aMissingProgramIsAClearError() {
        EspeakTts missing = new EspeakTts("/nonexistent/espeak-ng", "en-gb", 170);
        assertThatThrownBy(() -> missing.synthesize("Hello.", null, 8000, 5000))
                .isInstanceOf(TtsException.class).hasMessageContaining("cannot start");
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new EspeakTts("espeak-ng", "en-gb; rm -rf /", 170)).hasMessageContaining("voice");
        assertThatThrownBy(() -> new EspeakTts("espeak-ng", "en-gb", 20)).hasMessageContaining("words-per-minute");
        assertThatThrownBy(() -> tts.stream(null, 1000, null)).hasMessageContaining("1000");
    }
}
