package dev.vocadent.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiSettingsTest {
    /** The packaged reference.conf, resolved without this machine's environment. */
    private static Config reference(Map<String, Object> overrides) {
        Config ref = ConfigFactory.parseResources("reference.conf").resolve(ConfigResolveOptions.noSystem())
                .getConfig("vocadent");
        return ConfigFactory.parseMap(overrides).withFallback(ref);
    }

    private static Map<String, Object> with(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void noKeyMeansNoLlmBrain() {
        assertThat(OpenAiSettings.from(reference(Map.of()))).isEmpty();
        assertThat(OpenAiBrainFactory.create(reference(Map.of()))).isEmpty();
    }

    @Test
    void openAiKeyGivesTheReferenceDefaults() {
        OpenAiSettings s = OpenAiSettings.from(reference(with("llm.openai.api-key", "sk-abc"))).orElseThrow();

        assertThat(s.kind()).isEqualTo(OpenAiSettings.Kind.OPENAI);
        assertThat(s.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(s.model()).isEqualTo("gpt-4o-mini");
        assertThat(s.analysisModel()).isEqualTo("gpt-4o-mini");
        assertThat(s.temperature()).isEqualTo(0.4);
        assertThat(s.maxTokens()).isEqualTo(300);
        assertThat(s.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.turnTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.maxToolRounds()).isEqualTo(6);
        assertThat(s.maxRetries()).isZero();
        assertThat(s.usesLegacyMaxTokens()).isFalse();
    }

    @Test
    void compatibleBaseUrlIsUsedAndGetsMaxTokens() {
        OpenAiSettings s = OpenAiSettings.from(reference(with("llm.openai.api-key", "unused",
                "llm.openai.base-url", "http://127.0.0.1:11434/v1", "llm.model", "llama3.1"))).orElseThrow();

        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(s.model()).isEqualTo("llama3.1");
        assertThat(s.usesLegacyMaxTokens()).isTrue();
    }

    @Test
    void autoPrefersAzureWhenItsKeyAndEndpointAreSet() {
        OpenAiSettings s = OpenAiSettings.from(reference(with(
                "llm.openai.api-key", "sk-abc",
                "llm.azure.api-key", "az-key",
                "llm.azure.endpoint", "https://clinic.openai.azure.com",
                "llm.azure.deployment", "gpt4o-prod"))).orElseThrow();

        assertThat(s.kind()).isEqualTo(OpenAiSettings.Kind.AZURE);
        assertThat(s.apiKey()).isEqualTo("az-key");
        assertThat(s.model()).isEqualTo("gpt4o-prod");
        assertThat(s.analysisModel()).isEqualTo("gpt4o-prod");
        assertThat(s.azureApiVersion()).isEqualTo("2024-10-21");
    }

    @Test
    void offlineProviderIgnoresKeys() {
        assertThat(OpenAiSettings.from(reference(with("llm.provider", "offline", "llm.openai.api-key", "sk-abc")))).isEmpty();
    }

    @Test
    void explicitAzureWithoutDeploymentNamesTheSetting() {
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.provider", "azure",
                "llm.azure.api-key", "az-key", "llm.azure.endpoint", "https://clinic.openai.azure.com"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("llm.azure.deployment: must be set");
    }

    @Test
    void wrongValuesAreRejectedWithTheSettingNamed() {
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.provider", "gemini", "llm.openai.api-key", "k"))))
                .hasMessage("llm.provider: 'gemini' is not one of auto, openai, azure, offline");
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.openai.api-key", "k", "llm.temperature", 3))))
                .hasMessage("llm.temperature: must be between 0 and 2");
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.openai.api-key", "k", "llm.temperature", "warm"))))
                .hasMessage("llm.temperature: 'warm' is not a number");
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.openai.api-key", "k", "llm.first-token-timeout", "soon"))))
                .hasMessageStartingWith("llm.first-token-timeout: 'soon' is not a duration");
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.openai.api-key", "k", "llm.turn-timeout", "1s"))))
                .hasMessage("llm.turn-timeout: must be at least first-token-timeout");
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.openai.api-key", "k", "llm.openai.base-url", "api.openai.com"))))
                .hasMessage("llm.openai.base-url: must be an http(s) URL");
        assertThatThrownBy(() -> OpenAiSettings.from(reference(with("llm.openai.api-key", "k", "llm.max-tool-rounds", 0))))
                .hasMessage("llm.max-tool-rounds: must be between 1 and 50");
    }

    @Test
    void configDumpRedactsBothKeysButShowsModelAndBaseUrl() {
        Config c = reference(with("llm.openai.api-key", "sk-secret-123", "llm.azure.api-key", "az-secret-456",
                "llm.openai.base-url", "http://127.0.0.1:11434/v1"));

        String dump = dev.vocadent.core.settings.Settings.dump(c);

        assertThat(dump).doesNotContain("sk-secret-123").doesNotContain("az-secret-456")
                .contains("gpt-4o-mini").contains("http://127.0.0.1:11434/v1");
    }

    @Test
    void rootConfigVocadentConfigAndLlmBlockAllWork() {
        Config vocadent = reference(with("llm.openai.api-key", "sk-abc", "llm.model", "gpt-4.1-mini"));
        Config root = vocadent.atKey("vocadent");

        assertThat(OpenAiSettings.from(root).orElseThrow().model()).isEqualTo("gpt-4.1-mini");
        assertThat(OpenAiSettings.from(vocadent).orElseThrow().model()).isEqualTo("gpt-4.1-mini");
        assertThat(OpenAiSettings.from(vocadent.getConfig("llm")).orElseThrow().model()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void toStringNeverShowsTheKeyNorUrlCredentials() {
        OpenAiSettings proxied = OpenAiSettings.from(reference(with("llm.openai.api-key", "k",
                "llm.openai.base-url", "https://bob:hunter2@llm-proxy.example/v1"))).orElseThrow();
        assertThat(proxied.toString()).doesNotContain("hunter2").contains("https://llm-proxy.example/v1");
    }

    @Test
    void toStringNeverShowsTheKey() {
        OpenAiSettings s = OpenAiSettings.from(reference(with("llm.openai.api-key", "sk-secret-123"))).orElseThrow();

        assertThat(s.toString()).doesNotContain("sk-secret-123").contains("apiKey=<redacted>");
    }
}
