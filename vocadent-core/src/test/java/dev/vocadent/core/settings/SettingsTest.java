package dev.vocadent.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void referenceConfDefaultsAreLoaded() {
        Config c = Settings.load();
        assertThat(c.getInt("backend.port")).isEqualTo(8080);
        assertThat(c.getInt("backend.max-body-bytes")).isEqualTo(65536);
    }

    @Test
    void dumpRedactsSecrets() {
        Config c = Settings.load(Map.of("vocadent.backend.admin-token", "s3cr3t-value", "vocadent.db.password", "pw-123"));
        String dump = Settings.dump(c);
        assertThat(dump).doesNotContain("s3cr3t-value").doesNotContain("pw-123").contains("<redacted>");
    }

    @Test
    void secretsAreRecognisedByTheirLastWordOnly() {
        org.assertj.core.api.Assertions.assertThat(Settings.isSecret("backend.admin-token")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Settings.isSecret("llm.openai.api-key")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Settings.isSecret("db.password")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Settings.isSecret("llm.max-tokens")).isFalse();
        org.assertj.core.api.Assertions.assertThat(Settings.isSecret("llm.first-token-timeout")).isFalse();
        org.assertj.core.api.Assertions.assertThat(Settings.isSecret("cache.redis.key-prefix")).isFalse();
    }
}
