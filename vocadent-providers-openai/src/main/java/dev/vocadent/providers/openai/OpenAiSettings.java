package dev.vocadent.providers.openai;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code vocadent.llm} settings, checked. Built with {@link #from(Config)}; the API key never
 * appears in {@link #toString()}.
 *
 * @param kind               OpenAI (or a compatible base URL) or Azure OpenAI
 * @param apiKey             the key (Bearer for OpenAI, {@code api-key} header for Azure)
 * @param baseUrl            OpenAI: the API base URL ({@code …/v1}); Azure: the resource endpoint
 * @param model              OpenAI: the model; Azure: the deployment name
 * @param azureApiVersion    Azure only: the {@code api-version} query parameter
 * @param temperature        sampling temperature
 * @param maxTokens          most tokens one answer may have
 * @param firstTokenTimeout  longest wait for the model's first text or tool call of a request
 * @param turnTimeout        longest time the model may take in one caller turn (all its tool rounds)
 * @param maxToolRounds      most tool rounds in one turn; one more → BrainException
 * @param maxRetries         SDK retries of a failed request (0 for voice: the fallback answers instead)
 * @param analysisModel      model (Azure: deployment) for sentiment and summaries after the call
 * @param analysisTimeout    timeout of one sentiment or summary request
 */
public record OpenAiSettings(
        Kind kind,
        String apiKey,
        String baseUrl,
        String model,
        String azureApiVersion,
        double temperature,
        long maxTokens,
        Duration firstTokenTimeout,
        Duration turnTimeout,
        int maxToolRounds,
        int maxRetries,
        String analysisModel,
        Duration analysisTimeout) {

    public enum Kind { OPENAI, AZURE }

    public static final String OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

    public OpenAiSettings {
        require(kind != null, "kind", "must be openai or azure");
        require(apiKey != null && !apiKey.isBlank(), "api-key", "must be set");
        require(baseUrl != null && isHttpUrl(baseUrl), kind == Kind.AZURE ? "azure.endpoint" : "openai.base-url",
                "must be an http(s) URL");
        require(model != null && !model.isBlank(), kind == Kind.AZURE ? "azure.deployment" : "model", "must be set");
        require(kind != Kind.AZURE || (azureApiVersion != null && !azureApiVersion.isBlank()), "azure.api-version", "must be set");
        require(temperature >= 0 && temperature <= 2, "temperature", "must be between 0 and 2");
        require(maxTokens > 0, "max-tokens", "must be positive");
        require(firstTokenTimeout != null && firstTokenTimeout.isPositive(), "first-token-timeout", "must be positive");
        require(turnTimeout != null && turnTimeout.compareTo(firstTokenTimeout) >= 0, "turn-timeout",
                "must be at least first-token-timeout");
        require(maxToolRounds >= 1 && maxToolRounds <= 50, "max-tool-rounds", "must be between 1 and 50");
        require(maxRetries >= 0 && maxRetries <= 5, "max-retries", "must be between 0 and 5");
        require(analysisTimeout != null && analysisTimeout.isPositive(), "analysis-timeout", "must be positive");
        if (analysisModel == null || analysisModel.isBlank()) {
            analysisModel = model;
        }
        baseUrl = baseUrl.strip();
    }

    /**
     * Reads the {@code llm} settings from the root config, the {@code vocadent} config, or the
     * {@code llm} block itself.
     * Empty when the chosen provider has no key: the app then uses the offline brain.
     *
     * @throws IllegalArgumentException naming the setting when a value is set but wrong
     */
    public static Optional<OpenAiSettings> from(Config config) {
        Config llm = config.hasPath("vocadent.llm") ? config.getConfig("vocadent.llm")
                : config.hasPath("llm") ? config.getConfig("llm") : config;
        String provider = string(llm, "provider").orElse("auto").toLowerCase(Locale.ROOT);
        Optional<String> openAiKey = string(llm, "openai.api-key");
        Optional<String> azureKey = string(llm, "azure.api-key");
        Optional<String> azureEndpoint = string(llm, "azure.endpoint");
        Kind kind;
        switch (provider) {
            case "offline" -> {
                return Optional.empty();
            }
            case "openai" -> kind = Kind.OPENAI;
            case "azure" -> kind = Kind.AZURE;
            case "auto" -> kind = azureKey.isPresent() && azureEndpoint.isPresent() ? Kind.AZURE : Kind.OPENAI;
            default -> throw new IllegalArgumentException(
                    "llm.provider: '" + provider + "' is not one of auto, openai, azure, offline");
        }
        Optional<String> key = kind == Kind.AZURE ? azureKey : openAiKey;
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            String model = string(llm, "model").orElse("gpt-4o-mini");
            String analysisModel = string(llm, "analysis-model").orElse(null);
            String baseUrl = string(llm, "openai.base-url").orElse(OPENAI_DEFAULT_BASE_URL);
            if (kind == Kind.AZURE) {
                baseUrl = azureEndpoint.orElseThrow(() -> new IllegalArgumentException("llm.azure.endpoint: must be set"));
                model = string(llm, "azure.deployment")
                        .orElseThrow(() -> new IllegalArgumentException("llm.azure.deployment: must be set"));
                analysisModel = string(llm, "azure.analysis-deployment").orElse(model);
            }
            return Optional.of(new OpenAiSettings(
                    kind,
                    key.get(),
                    baseUrl,
                    model,
                    string(llm, "azure.api-version").orElse(null),
                    number(llm, "temperature", 0.4),
                    (long) number(llm, "max-tokens", 300),
                    duration(llm, "first-token-timeout", Duration.ofSeconds(4)),
                    duration(llm, "turn-timeout", Duration.ofSeconds(20)),
                    (int) number(llm, "max-tool-rounds", 6),
                    (int) number(llm, "max-retries", 0),
                    analysisModel,
                    duration(llm, "analysis-timeout", Duration.ofSeconds(60))));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("llm." + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OpenAiSettings[kind=" + kind + ", baseUrl=" + safeBaseUrl() + ", model=" + model
                + (kind == Kind.AZURE ? ", apiVersion=" + azureApiVersion : "")
                + ", apiKey=<redacted>, temperature=" + temperature + ", maxTokens=" + maxTokens
                + ", firstTokenTimeout=" + firstTokenTimeout + ", turnTimeout=" + turnTimeout
                + ", maxToolRounds=" + maxToolRounds + ", maxRetries=" + maxRetries + "]";
    }

    /**
     * OpenAI-compatible servers (vLLM, Ollama, LiteLLM…) know {@code max_tokens}; OpenAI and Azure
     * get {@code max_completion_tokens}, which reasoning models require.
     */
    boolean usesLegacyMaxTokens() {
        return kind == Kind.OPENAI && !baseUrl.replaceAll("/+$", "").equals(OPENAI_DEFAULT_BASE_URL);
    }

    /** The base URL without any user:password part, for logs. */
    String safeBaseUrl() {
        URI u = URI.create(baseUrl);
        return u.getRawUserInfo() == null ? baseUrl : baseUrl.replace(u.getRawUserInfo() + "@", "");
    }

    /** Provider name for logs and metrics. */
    String providerName() {
        return kind == Kind.AZURE ? "azure-openai" : "openai";
    }

    private static Optional<String> string(Config c, String path) {
        if (!c.hasPath(path)) {
            return Optional.empty();
        }
        String v = c.getString(path).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static double number(Config c, String path, double fallback) {
        if (!c.hasPath(path)) {
            return fallback;
        }
        try {
            return c.getDouble(path);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException("llm." + path + ": '" + c.getValue(path).unwrapped() + "' is not a number", e);
        }
    }

    private static Duration duration(Config c, String path, Duration fallback) {
        if (!c.hasPath(path)) {
            return fallback;
        }
        try {
            return c.getDuration(path);
        } catch (ConfigException.BadValue | ConfigException.WrongType e) {
            throw new IllegalArgumentException("llm." + path + ": '" + c.getValue(path).unwrapped()
                    + "' is not a duration (e.g. 4s, 500ms)", e);
        }
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = URI.create(s.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean ok, String setting, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("llm." + setting + ": " + problem);
        }
    }
}
