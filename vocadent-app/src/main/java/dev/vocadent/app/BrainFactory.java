package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.FallbackBrain;
import dev.vocadent.providers.local.brain.OfflineBrain;
import dev.vocadent.providers.openai.OpenAiBrainFactory;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.Optional;

/**
 * Makes the brain named by {@code --brain} (for {@code chat} and {@code call}): {@code offline} → the
 * offline rule brain; {@code openai} → the LLM brain (OpenAI, Azure or a compatible server, from the
 * {@code llm} settings) inside a {@link FallbackBrain} that falls back to the offline one after
 * {@code session.brain-timeout}; {@code auto} → openai when a key is set, else offline.
 */
interface BrainFactory {
    /** The names {@code --brain} accepts. */
    List<String> NAMES = List.of("auto", "offline", "openai");

    /**
     * @throws UserError when the name is unknown or the brain cannot run here (e.g. no API key)
     */
    Brain create(String name, Config settings);

    /** Checks a {@code --brain} value before anything starts. */
    static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new UserError("unknown brain '" + name + "' (use one of: " + String.join(", ", NAMES) + ")");
        }
    }

    /** The brains this build has. */
    BrainFactory DEFAULT = (name, settings) -> {
        check(name);
        if (name.equals("offline")) {
            return new OfflineBrain();
        }
        Optional<? extends Brain> llm;
        try {
            llm = OpenAiBrainFactory.create(settings);
        } catch (IllegalArgumentException e) {
            throw new UserError("LLM settings: " + e.getMessage());
        }
        if (llm.isEmpty()) {
            if (name.equals("auto")) {
                return new OfflineBrain();
            }
            throw new UserError("--brain openai needs OPENAI_API_KEY (or AZURE_OPENAI_API_KEY with its endpoint and deployment)");
        }
        return new FallbackBrain(List.of(llm.get(), new OfflineBrain()), settings.getDuration("session.brain-timeout"),
                Metrics.globalRegistry);
    };
}
