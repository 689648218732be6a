package dev.vocadent.providers.openai;

import java.time.Duration;

/** Settings pointing at a fake server, with short timeouts. */
final class TestSettings {
    static final String KEY = "sk-test-0123456789";

    private TestSettings() {}

    static OpenAiSettings openAi(String baseUrl) {
        return openAi(baseUrl, Duration.ofSeconds(3), Duration.ofSeconds(6), 6);
    }

    static OpenAiSettings openAi(String baseUrl, Duration firstToken, Duration turn, int maxToolRounds) {
        return new OpenAiSettings(OpenAiSettings.Kind.OPENAI, KEY, baseUrl, "gpt-test", null, 0.3, 200,
                firstToken, turn, maxToolRounds, 0, null, Duration.ofSeconds(5));
    }
}
