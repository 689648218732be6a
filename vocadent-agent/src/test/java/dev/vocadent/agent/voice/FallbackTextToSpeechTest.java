package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FallbackTextToSpeechTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void dropMidSentenceSwitchesToTheSecondaryAndVoicesTheRest() throws Exception {
        ToneTextToSpeech primary = new ToneTextToSpeech("primary", 10, 1); // voices one text, drops in the second
        ToneTextToSpeech secondary = new ToneTextToSpeech("secondary", 10, -1);
        FallbackTextToSpeech tts = new FallbackTextToSpeech(List.of(primary, secondary), now::get, Duration.ofSeconds(30));
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts.stream(null, 8000, r);
        s.pushText("Hello, Westbury Dental.");
        s.pushText("How can I help?");
        s.pushText("Take your time.");
        s.endInput();

        assertThat(r.await()).isTrue();
        assertThat(r.error).isNull();
        assertThat(r.done).isTrue();
        assertThat(r.voiced).containsExactly("Hello, Westbury Dental.", "How can I help?", "Take your time.");
        assertThat(tts.switches()).isEqualTo(1);
        assertThat(secondary.textsStarted()).isEqualTo(2); // the interrupted sentence again, then the last
    }

    @Test
    void aFailedProviderRestsThenIsTriedAgain() throws Exception {
        ToneTextToSpeech primary = new ToneTextToSpeech("primary", 10, 0);
        ToneTextToSpeech secondary = new ToneTextToSpeech("secondary", 10, -1);
        FallbackTextToSpeech tts = new FallbackTextToSpeech(List.of(primary, secondary), now::get, Duration.ofSeconds(30));
        TtsRecorder first = new TtsRecorder();
        tts.stream(null, 8000, first).pushText("One.");
        TtsRecorder r1 = new TtsRecorder();
        TextToSpeech.Stream s1 = tts.stream(null, 8000, r1);
        s1.endInput();
        r1.await();
        // let the first stream fail
        for (int i = 0; i < 200 && tts.switches() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(tts.switches()).isEqualTo(1);
        int before = primary.textsStarted();
        TtsRecorder r2 = new TtsRecorder();
        TextToSpeech.Stream s2 = tts.stream(null, 8000, r2);
        s2.pushText("Two.");
        s2.endInput();
        assertThat(r2.await()).isTrue();
        assertThat(primary.textsStarted()).as("resting primary not used").isEqualTo(before);

        now.set(now.get().plusSeconds(31));
        TtsRecorder r3 = new TtsRecorder();
        TextToSpeech.Stream s3 = tts.stream(null, 8000, r3);
        s3.pushText("Three.");
        s3.endInput();
        assertThat(r3.await()).isTrue();
        assertThat(primary.textsStarted()).as("primary tried again after resting").isEqualTo(before + 1);
    }

    @Test
    void whenEveryProviderFailsTheListenerHearsIt() throws Exception {
        FallbackTextToSpeech tts = new FallbackTextToSpeech(
                List.of(new ToneTextToSpeech("a", 10, 0), new ToneTextToSpeech("b", 10, 0)), now::get, Duration.ofSeconds(5));
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts.stream(null, 8000, r);
        s.pushText("Hello.");
        s.endInput();
        assertThat(r.await()).isTrue();
        assertThat(r.error).isNotNull();
        assertThat(r.error.provider()).isEqualTo("b");
    }

    @Test
    void cancelStopsAudioAtOnce() throws Exception {
        FallbackTextToSpeech tts = new FallbackTextToSpeech(List.of(new ToneTextToSpeech("slowish", 200, -1)),
                now::get, Duration.ofSeconds(5));
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts.stream(null, 16000, r);
        s.pushText("A rather long sentence that makes a lot of tone audio for the test.");
        s.cancel();
        long after = r.samples();
        Thread.sleep(50);
        assertThat(r.samples()).isEqualTo(after);
        assertThat(r.done).isFalse();
    }

    @Test
    void needsAProvider() {
        assertThatThrownBy(() -> new FallbackTextToSpeech(List.of(), now::get, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
