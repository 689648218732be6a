package dev.vocadent.providers.openai;

import java.time.Duration;

/** Settings pointing at a fake server, with short timeouts. */
final class TestSettings {
    static final String KEY = "sk-test-0123456789";

    private TestSettings() {}

    static OpenAiSettings openAi(String baseUrl) {
        // generous: a loaded CI machine must not turn these into timeouts; timeout tests pass their own
        return openAi(baseUrl, Duration.ofSeconds(15), Duration.ofSeconds(30), 6);
    }

    static OpenAiSettings openAi(String baseUrl, Duration firstToken, Duration turn, int maxToolRounds) {
        return new OpenAiSettings(OpenAiSettings.Kind.OPENAI, KEY, baseUrl, "gpt-test", null, 0.3, 200,
                firstToken, turn, maxToolRounds, 0, null, Duration.ofSeconds(5));
    }
}
