package dev.vocadent.providers.openai;

import com.openai.client.OpenAIClient;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM brain over the official openai-java SDK: OpenAI, Azure OpenAI or any OpenAI-compatible
 * base URL. Streams the answer, runs the model's tool calls (parallel ones too) until it answers in
 * text, and gives up with a BrainException (so the fallback answers) on errors and timeouts. One
 * instance serves every call; {@link #close()} releases the HTTP client.
 */
public final class OpenAiBrain implements Brain, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenAiBrain.class);

    private final OpenAiSettings settings;
    private final OpenAIClient client;
    private final UsageListener usage;

    public OpenAiBrain(OpenAiSettings settings, UsageListener usage) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.usage = usage == null ? UsageListener.NONE : usage;
        this.client = OpenAiClients.create(settings);
        SdkWarmUp.once();
        log.info("LLM brain {}: model {} at {}", settings.providerName(), settings.model(), settings.safeBaseUrl());
    }

    public OpenAiBrain(OpenAiSettings settings) {
        this(settings, UsageListener.NONE);
    }

    @Override
    public String name() {
        return settings.providerName();
    }

    /** The conversation of one call; its {@link OpenAiConversation#usage()} sums the call's tokens. */
    @Override
    public OpenAiConversation newConversation(BrainContext context) {
        return new OpenAiConversation(client, settings, context, usage);
    }

    public OpenAiSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        client.close();
    }
}
