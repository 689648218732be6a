package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.providers.local.brain.OfflineBrain;
import java.util.List;

/**
 * Makes the brain named by {@code --brain}. The offline rule brain and the OpenAI brain live in
 * provider modules; they are wired here (the OpenAI brain inside a {@code FallbackBrain} that falls
 * back to the offline one).
 */
interface BrainFactory {
    /** The names {@code --brain} accepts. */
    List<String> NAMES = List.of("offline", "openai");

    /**
     * @throws UserError when the name is unknown or the brain cannot run here (e.g. no API key)
     */
    Brain create(String name, Config settings);

    /** The brains this build has. */
    BrainFactory DEFAULT = (name, settings) -> {
        if (!NAMES.contains(name)) {
            throw new UserError("unknown brain '" + name + "' (use one of: " + String.join(", ", NAMES) + ")");
        }
        if (name.equals("offline")) {
            return new OfflineBrain();
        }
        throw new UserError("the " + name + " brain is not part of this build yet");
    };
}
