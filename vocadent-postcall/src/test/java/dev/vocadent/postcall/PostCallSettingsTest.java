package dev.vocadent.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import dev.vocadent.core.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostCallSettingsTest {
    @Test
    void referenceConfDefaultsPutTheOutboxAndLocalStoreUnderTheDataDir() {
        Config c = Settings.load(Map.of("data-dir", "/var/lib/vocadent"));
        PostCallSettings s = PostCallSettings.from(c);
        assertThat(s.outboxDir()).isEqualTo(Path.of("/var/lib/vocadent/outbox"));
        assertThat(s.localStoreDir()).isEqualTo(Path.of("/var/lib/vocadent/recordings"));
        assertThat(s.retryBase()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.retryMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.ops().latencyWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.prices().sttPerMinute()).isPositive();
    }

    @Test
    void retentionRunsEverySixHoursByDefaultZeroTurnsItOffAndANegativeIntervalIsRefusedByName() {
        assertThat(PostCallSettings.from(Settings.load(Map.of())).retentionInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(PostCallSettings.from(Settings.load(Map.of())).retentionEnabled()).isTrue();
        PostCallSettings off = PostCallSettings.from(Settings.load(Map.of("postcall.retention-interval", "0")));
        assertThat(off.retentionEnabled()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> PostCallSettings.from(Settings.load(Map.of("postcall.retention-interval", "-1h"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention-interval");
    }

    @Test
    void azureIsConfiguredByAConnectionStringOrAnAccountWithAKeyAndSecretsAreRedactedInTheDump() {
        Config c = Settings.load(Map.of(
                "postcall.azure.account-name", "acct",
                "postcall.azure.account-key", "SECRETKEY123",
                "postcall.ops.webhook", "https://hooks.example/T000/B000/XXXX"));
        PostCallSettings s = PostCallSettings.from(c);
        assertThat(s.azure().configured()).isTrue();
        assertThat(s.azure().toString()).doesNotContain("SECRETKEY123");
        assertThat(s.ops().toString()).doesNotContain("hooks.example");
        String dump = Settings.dump(c);
        assertThat(dump).doesNotContain("SECRETKEY123").doesNotContain("hooks.example").contains("account-name");

        PostCallSettings none = PostCallSettings.from(Settings.load(Map.of("postcall.azure.account-name", "acct"))
                );
        assertThat(none.azure().configured()).as("an account without key or SAS is not enough").isFalse();
    }
}
