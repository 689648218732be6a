package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import dev.vocadent.core.settings.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoiceSettingsTest {
    @Test
    void referenceDefaultsAreValidOptions() {
        Config voice = Settings.load().getConfig("voice");
        assertThat(VadOptions.from(voice.getConfig("vad"))).isEqualTo(VadOptions.DEFAULTS);
        assertThat(TurnOptions.from(voice.getConfig("turn"))).isEqualTo(TurnOptions.DEFAULTS);
        assertThat(voice.getString("stt.language")).isEqualTo("en-GB");
    }

    @Test
    void aBadOverrideIsAClearErrorNamingTheSetting() {
        Config voice = Settings.load(Map.of("voice.vad.deactivation-threshold", 0.9)).getConfig("voice");
        assertThatThrownBy(() -> VadOptions.from(voice.getConfig("vad"))).hasMessageContaining("deactivation-threshold");
        Config turn = Settings.load(Map.of("voice.turn.patience-ms", 99_999)).getConfig("voice.turn");
        assertThatThrownBy(() -> TurnOptions.from(turn)).hasMessageContaining("patience-ms");
    }

    @Test
    void providerKeysAreRedactedInTheDump() {
        Config all = Settings.load(Map.of("voice.deepgram.api-key", "dg-secret-1", "voice.elevenlabs.api-key", "el-secret-2"));
        assertThat(Settings.dump(all)).doesNotContain("dg-secret-1").doesNotContain("el-secret-2");
    }
}
