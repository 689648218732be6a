package dev.vocadent.providers.openai;

import com.typesafe.config.Config;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From the {@code vocadent} settings to a configured LLM brain, or empty when no key is set (the app
 * then uses the offline brain). Wrong values fail with the setting named.
 */
public final class OpenAiBrainFactory {
    private static final Logger log = LoggerFactory.getLogger(OpenAiBrainFactory.class);

    private OpenAiBrainFactory() {}

    /**
     * @param config the {@code vocadent} config ({@code Settings.load()}) or its {@code llm} block
     * @throws IllegalArgumentException naming the setting when one is set but wrong
     */
    public static Optional<OpenAiBrain> create(Config config, UsageListener usage) {
        Optional<OpenAiSettings> settings = OpenAiSettings.from(config);
        if (settings.isEmpty()) {
            log.info("No LLM key set (OPENAI_API_KEY or AZURE_OPENAI_API_KEY): using the offline brain");
            return Optional.empty();
        }
        return Optional.of(new OpenAiBrain(settings.get(), usage));
    }

    public static Optional<OpenAiBrain> create(Config config) {
        return create(config, UsageListener.NONE);
    }

    /** The post-call analyzer (sentiment, summary) on the same provider, or empty when no key is set. */
    public static Optional<OpenAiCallAnalyzer> analyzer(Config config, UsageListener usage) {
        return OpenAiSettings.from(config).map(s -> new OpenAiCallAnalyzer(s, usage));
    }
}
