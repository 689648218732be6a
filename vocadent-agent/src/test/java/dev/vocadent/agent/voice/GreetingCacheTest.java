package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.core.config.VoiceConfig;
import dev.vocadent.core.config.VoiceSettings;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class GreetingCacheTest {
    private final ToneTextToSpeech tts = new ToneTextToSpeech("tone", 10, -1);
    private final VoiceConfig voice = new VoiceConfig("v1", "m", VoiceSettings.DEFAULTS);

    @Test
    void synthesisesOncePerClinicVoiceTextAndRate() throws Exception {
        GreetingCache c = new GreetingCache(tts, 10_000_000, 5000, Executors.newVirtualThreadPerTaskExecutor());
        AudioFrame a = c.get("westbury", voice, "Hello, Westbury Dental.", 8000);
        AudioFrame b = c.get("westbury", voice, "Hello, Westbury Dental.", 8000);
        assertThat(b).isSameAs(a);
        assertThat(a.length()).isEqualTo(tts.samplesFor("Hello, Westbury Dental.", 8000));
        assertThat(tts.textsStarted()).isEqualTo(1);
        c.get("dental2", voice, "Hello, Westbury Dental.", 8000);
        c.get("westbury", new VoiceConfig("v2", "m", null), "Hello, Westbury Dental.", 8000);
        c.get("westbury", voice, "Hello, Westbury Dental.", 16000);
        assertThat(tts.textsStarted()).isEqualTo(4);
    }

    @Test
    void prewarmMakesTheLaterLookupInstant() throws Exception {
        GreetingCache c = new GreetingCache(tts, 10_000_000, 5000, Executors.newVirtualThreadPerTaskExecutor());
        assertThat(c.getIfPresent("westbury", voice, "Hi.", 8000)).isNull();
        c.prewarm("westbury", voice, "Hi.", 8000).get();
        assertThat(c.getIfPresent("westbury", voice, "Hi.", 8000)).isNotNull();
        c.invalidateClinic("westbury");
        assertThat(c.getIfPresent("westbury", voice, "Hi.", 8000)).isNull();
    }

    @Test
    void staysWithinItsByteBudget() throws Exception {
        GreetingCache c = new GreetingCache(tts, 40_000, 5000, Runnable::run);
        for (int i = 0; i < 20; i++) {
            c.get("clinic" + i, voice, "A greeting of some length number " + i, 8000); // ~5.5 kB each
        }
        assertThat(c.size()).isLessThan(10);
    }

    @Test
    void failuresAreReportedAndNotCached() {
        GreetingCache c = new GreetingCache(new ToneTextToSpeech("broken", 10, 0), 1_000_000, 5000, Runnable::run);
        assertThatThrownBy(() -> c.get("westbury", voice, "Hello.", 8000)).isInstanceOf(TtsException.class);
        assertThat(c.size()).isZero();
        assertThatThrownBy(() -> new GreetingCache(tts, 0, 5000, Runnable::run)).hasMessageContaining("greeting-cache-bytes");
    }
}
