package dev.vocadent.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.voice.FallbackTextToSpeech;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsRecorder;
import dev.vocadent.core.config.VoiceConfig;
import dev.vocadent.core.config.VoiceSettings;
import dev.vocadent.providers.local.tts.EspeakTts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElevenLabsTtsTest {
    static final String KEY = "el-test-key";
    FakeElevenLabs server = new FakeElevenLabs(KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    ElevenLabsTts tts(String key) {
        return new ElevenLabsTts(ElevenLabsOptions.defaults(key).withUrl(server.url()));
    }

    static int samples(String text, int rate) {
        return text.length() * FakeElevenLabs.MS_PER_CHAR * rate / 1000;
    }

    @Test
    void voicesSentencesWithTheClinicVoiceAndFinishes() throws Exception {
        VoiceConfig voice = new VoiceConfig("abc123XYZ", "eleven_turbo_v2_5", new VoiceSettings(0.4, 0.8, 1.1, false));
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts(KEY).stream(voice, 16000, r);
        s.pushText("Hello, Westbury Dental.");
        s.pushText("How can I help?");
        s.endInput();
        assertThat(r.await()).isTrue();
        assertThat(r.error).isNull();
        assertThat(r.done).isTrue();
        assertThat(r.voiced).containsExactly("Hello, Westbury Dental.", "How can I help?");
        assertThat(r.samples()).isEqualTo(samples("Hello, Westbury Dental. ", 16000) + samples("How can I help? ", 16000));

        assertThat(server.paths).containsExactly("abc123XYZ");
        assertThat(server.queries.get(0)).contains("model_id=eleven_turbo_v2_5", "output_format=pcm_16000");
        JsonNode first = server.messages.get(0);
        assertThat(first.path("text").asText()).isEqualTo(" ");
        assertThat(first.path("voice_settings").path("speed").asDouble()).isEqualTo(1.1);
        assertThat(first.path("voice_settings").path("stability").asDouble()).isEqualTo(0.4);
        assertThat(first.path("voice_settings").path("use_speaker_boost").asBoolean()).isFalse();
        assertThat(first.has("xi_api_key")).isFalse(); // the key travels in the header
        assertThat(server.messages.get(1).path("text").asText()).isEqualTo("Hello, Westbury Dental. ");
        assertThat(server.messages.get(1).path("flush").asBoolean()).isTrue();
        assertThat(server.messages.get(3).toString()).isEqualTo("{\"text\":\"\"}");
    }

    @Test
    void phoneCallsGetMuLawAt8kHzAndNoVoiceBlockUsesTheDefaultVoice() throws Exception {
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts(KEY).stream(null, 8000, r);
        s.pushText("Yes.");
        s.endInput();
        assertThat(r.await()).isTrue();
        assertThat(r.samples()).isEqualTo(samples("Yes. ", 8000));
        assertThat(server.paths).containsExactly("21m00Tcm4TlvDq8ikWAM");
        assertThat(server.queries.get(0)).contains("output_format=ulaw_8000", "model_id=eleven_flash_v2_5");
    }

    @Test
    void otherRatesAreResampled() throws Exception {
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts(KEY).stream(null, 48000, r);
        s.pushText("A longer sentence to make some audio.");
        s.endInput();
        assertThat(r.await()).isTrue();
        assertThat(server.queries.get(0)).contains("output_format=pcm_24000");
        int expected = 2 * samples("A longer sentence to make some audio. ", 24000);
        assertThat(r.samples()).isBetween((long) expected - 200, (long) expected);
    }

    @Test
    void anErrorMessageFailsTheStream() throws Exception {
        server.errorOnFirstText = true;
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts(KEY).stream(null, 16000, r);
        s.pushText("Hello.");
        assertThat(r.await()).isTrue();
        assertThat(r.error).isNotNull();
        assertThat(r.error.getMessage()).contains("quota_exceeded");
    }

    @Test
    void aRefusedKeyFailsWithoutShowingIt() throws Exception {
        TtsRecorder r = new TtsRecorder();
        tts("wrong-key").stream(null, 16000, r).pushText("Hello.");
        assertThat(r.await()).isTrue();
        assertThat(r.error.getMessage()).contains("HTTP 401").doesNotContain("wrong-key");
    }

    @Test
    void aDropMidSentenceSwitchesToEspeakAndTheTurnIsStillSpoken() throws Exception {
        server.dropMidText = 1;
        FallbackTextToSpeech tts = new FallbackTextToSpeech(List.of(tts(KEY), new EspeakTts()), Clock.systemUTC(),
                Duration.ofSeconds(30));
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts.stream(null, 8000, r);
        s.pushText("Thanks for calling.");
        s.pushText("Dr. Okafor is free at 2:30 on Tuesday.");
        s.pushText("Shall I book it?");
        s.endInput();
        assertThat(r.await()).isTrue();
        assertThat(r.error).isNull();
        assertThat(r.done).isTrue();
        assertThat(r.voiced).containsExactly("Thanks for calling.", "Dr. Okafor is free at 2:30 on Tuesday.", "Shall I book it?");
        assertThat(tts.switches()).isEqualTo(1);
    }

    @Test
    void cancelStopsTheAudio() throws Exception {
        TtsRecorder r = new TtsRecorder();
        TextToSpeech.Stream s = tts(KEY).stream(null, 16000, r);
        s.cancel();
        s.pushText("Hello there.");
        Thread.sleep(300);
        assertThat(r.samples()).isZero();
        assertThat(r.error).isNull();
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> ElevenLabsOptions.defaults("")).hasMessageContaining("ELEVENLABS_API_KEY");
        assertThatThrownBy(() -> ElevenLabsOptions.defaults("k").withUrl(URI.create("https://x"))).hasMessageContaining("ws://");
        assertThatThrownBy(() -> new ElevenLabsOptions("k", ElevenLabsOptions.DEFAULT_URL, "bad id!", "m", Duration.ZERO))
                .hasMessageContaining("default-voice-id");
        assertThat(ElevenLabsOptions.defaults("sk-secret").toString()).doesNotContain("sk-secret");
    }

    @Test
    void optionsComeFromTheVoiceBlock() {
        com.typesafe.config.Config el = dev.vocadent.core.settings.Settings.load(
                java.util.Map.of("voice.elevenlabs.api-key", "k2")).getConfig("voice.elevenlabs");
        ElevenLabsOptions o = ElevenLabsOptions.from(el);
        assertThat(o.defaultModel()).isEqualTo("eleven_flash_v2_5");
        assertThat(o.baseUrl()).isEqualTo(ElevenLabsOptions.DEFAULT_URL);
    }
}
