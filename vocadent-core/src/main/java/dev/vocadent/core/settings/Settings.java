package dev.vocadent.core.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.Locale;
import java.util.Map;

/**
 * Vocadent's settings: {@code reference.conf} (repository root, packaged in vocadent-core) holds
 * every setting with its default and a comment; environment variables named there override it
 * ({@code VOCADENT_DB_URL} …); an optional file named by {@code VOCADENT_CONFIG} overrides both.
 */
public final class Settings {
    /** A setting is secret when its last word names one ("admin-token", "api-key", "password"); "max-tokens" and "key-prefix" are not. */
    private static final java.util.regex.Pattern SECRET_LEAF = java.util.regex.Pattern.compile(
            "(^|.*-)(password|token|secret|key|webhook|connection-string|sas|credential)$");

    private Settings() {}

    /** Loads the settings of this process (reference.conf + env + optional VOCADENT_CONFIG file). */
    public static Config load() {
        ConfigFactory.invalidateCaches();
        String file = System.getenv("VOCADENT_CONFIG");
        Config base = ConfigFactory.load();
        if (file != null && !file.isBlank()) {
            base = ConfigFactory.parseFile(new java.io.File(file)).withFallback(base).resolve();
        }
        return base.getConfig("vocadent");
    }

    /** Loads settings with overrides given as paths under {@code vocadent} (for tests and CLI flags). */
    public static Config load(Map<String, ?> overrides) {
        return ConfigFactory.parseMap(overrides).withFallback(load()).resolve();
    }

    /** The settings as HOCON with every secret replaced by {@code <redacted>}. */
    public static String dump(Config config) {
        Config out = config;
        for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
            String leaf = e.getKey().toLowerCase(Locale.ROOT);
            if (isSecret(leaf)) {
                out = out.withValue(e.getKey(), ConfigValueFactory.fromAnyRef("<redacted>"));
            }
        }
        return out.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    }

    static boolean isSecret(String path) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        return SECRET_LEAF.matcher(leaf).matches() || leaf.endsWith("-webhook-url")
                || path.endsWith("db.url") || path.endsWith("redis.url");
    }
}
