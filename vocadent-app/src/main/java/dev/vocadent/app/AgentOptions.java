package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import java.net.URI;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options {@code chat} and {@code call} share: which clinic, which brain, which backend. A picocli mixin. */
final class AgentOptions {
    @Option(names = "--clinic", required = true, description = "Clinic id, e.g. westbury.")
    String clinic;

    @Option(names = "--brain", defaultValue = "auto",
            description = "auto, offline or openai (default: ${DEFAULT-VALUE}: openai when an LLM key is set, else offline).")
    String brainName;

    @Option(names = "--backend-url", description = "A running backend, e.g. http://127.0.0.1:8080. Default: in-process demo backend.")
    String backendUrl;

    @Option(names = "--token", description = "The clinic's backend token (with --backend-url; default $VOCADENT_BACKEND_TOKEN).")
    String token;

    /** Checks the backend options; returns the backend URL (null → in-process demo backend). */
    URI backend() {
        return ClinicBackend.check(clinic, backendUrl, token);
    }

    /** The brain: {@code override} when tests give one, else the {@link BrainFactory}. */
    Brain brain(Function<String, Brain> override, Config settings) {
        return override != null ? override.apply(brainName) : BrainFactory.DEFAULT.create(brainName, settings);
    }
}
