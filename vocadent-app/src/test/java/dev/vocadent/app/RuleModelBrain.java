package dev.vocadent.app;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.providers.openai.OpenAiBrain;
import dev.vocadent.providers.openai.OpenAiSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real OpenAI brain (SDK, streaming, tool loop, history mapping) against a {@link RuleModelServer}:
 * each call gets its own chat on the server (its own base URL), so the scripted model of one call never
 * sees another's messages.
 */
final class RuleModelBrain implements Brain, AutoCloseable {
    private final RuleModelServer server;
    private final List<OpenAiBrain> opened = new CopyOnWriteArrayList<>();

    RuleModelBrain(RuleModelServer server) {
        this.server = server;
    }

    /**
     * Generous timeouts for a loaded machine; 30 tool rounds because the scripted model makes its tool
     * calls one per response where a real model would batch them.
     */
    static OpenAiSettings settings(String baseUrl) {
        return new OpenAiSettings(OpenAiSettings.Kind.OPENAI, "sk-rule-model-test", baseUrl, "rule-model", null, 0.0, 300,
                Duration.ofSeconds(15), Duration.ofSeconds(30), 30, 0, null, Duration.ofSeconds(5));
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public Conversation newConversation(BrainContext context) {
        OpenAiBrain brain = new OpenAiBrain(settings(server.open(context.state(), context.clock())));
        opened.add(brain);
        return brain.newConversation(context);
    }

    @Override
    public void close() {
        opened.forEach(OpenAiBrain::close);
    }
}
