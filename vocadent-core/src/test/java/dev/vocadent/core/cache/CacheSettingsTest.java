package dev.vocadent.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.tenant.TenantRouter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {
    static Config with(Map<String, ?> overrides) {
        return ConfigFactory.parseMap(overrides).withFallback(Settings.load()).resolve();
    }

    @Test
    void referenceConfGivesTheDocumentedDefaults() {
        ClinicDirectoryBuilder b = ClinicDirectory.builder(new FakeSource()).settings(Settings.load());
        assertThat(b.ttl).isEqualTo(Duration.ofSeconds(300));
        assertThat(b.effectiveRefreshAfter()).isEqualTo(Duration.ofSeconds(240));
        assertThat(b.maxStale).isEqualTo(Duration.ofHours(1));
        assertThat(b.retryAfterError).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.maximumSize).isEqualTo(10_000);
        assertThat(b.redisKeyPrefix).isEqualTo("vocadent:clinic-config:");
        assertThat(b.redisChannel).isEqualTo("vocadent:config-invalidate");
        assertThat(b.redisTimeout).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refreshAfterFollowsAShorterTtlUnlessSet() {
        ClinicDirectoryBuilder b = ClinicDirectory.builder(new FakeSource()).settings(with(Map.of("cache.ttl", "60s")));
        assertThat(b.effectiveRefreshAfter()).isEqualTo(Duration.ofSeconds(48));
    }

    @Test
    void contradictoryOrBadSettingsAreRefusedByName() {
        assertThatThrownBy(() -> ClinicDirectory.builder(new FakeSource())
                .settings(with(Map.of("cache.ttl", "60s", "cache.refresh-after", "60s"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vocadent.cache.refresh-after").hasMessageContaining("vocadent.cache.ttl");
        assertThatThrownBy(() -> ClinicDirectory.builder(new FakeSource()).ttl(Duration.ZERO))
                .hasMessageStartingWith("vocadent.cache.ttl");
        assertThatThrownBy(() -> ClinicDirectory.builder(new FakeSource()).maxStale(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("vocadent.cache.max-stale");
        assertThatThrownBy(() -> ClinicDirectory.builder(new FakeSource()).maximumSize(0))
                .hasMessageStartingWith("vocadent.cache.maximum-size");
        assertThatThrownBy(() -> ClinicDirectory.builder(new FakeSource()).redisUrl("not a url").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vocadent.cache.redis.url");
    }

    @Test
    void servedClinicsComeAsAListOrAsTheCommaSeparatedEnvForm() {
        ClinicDirectory d = ClinicDirectory.builder(new FakeSource()).build();
        assertThat(TenantRouter.builder(d).settings(Settings.load()).build().servedClinics()).isEmpty();
        assertThat(TenantRouter.builder(d).settings(with(Map.of("clinics", "westbury, dental2"))).build().servedClinics())
                .containsExactlyInAnyOrder("westbury", "dental2");
        assertThat(TenantRouter.builder(d).settings(with(Map.of("clinics", java.util.List.of("westbury")))).build()
                .servedClinics()).containsExactly("westbury");
        assertThatThrownBy(() -> TenantRouter.builder(d).settings(with(Map.of("clinics", "westbury,Bad Id"))))
                .hasMessageStartingWith("vocadent.clinics[1]");
        d.close();
    }

    @Test
    void theDumpRedactsTheRedisUrlWhichMayHoldAPassword() {
        String dump = Settings.dump(with(Map.of("cache.redis.url", "redis://:hunter2@10.0.0.5:6379")));
        assertThat(dump).doesNotContain("hunter2").contains("<redacted>");
    }
}
