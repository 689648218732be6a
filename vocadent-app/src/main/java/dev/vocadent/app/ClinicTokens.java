package dev.vocadent.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a worker finds each clinic's backend token: an environment variable
 * {@code VOCADENT_TOKEN_<CLINIC>} (upper case, '-' → '_'), else a file named by
 * {@code VOCADENT_CLINIC_TOKENS_FILE} with one {@code clinic=token} per line ('#' comments).
 * Tokens are never logged.
 */
final class ClinicTokens {
    private final Function<String, String> env;
    private final Map<String, String> file;

    ClinicTokens(Function<String, String> env, Map<String, String> file) {
        this.env = env;
        this.file = Map.copyOf(file);
    }

    static ClinicTokens fromEnvironment() {
        return from(System::getenv);
    }

    static ClinicTokens from(Function<String, String> env) {
        String f = env.apply("VOCADENT_CLINIC_TOKENS_FILE");
        return new ClinicTokens(env, f == null || f.isBlank() ? Map.of() : readFile(Path.of(f)));
    }

    static String envName(String clinic) {
        return "VOCADENT_TOKEN_" + clinic.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    Optional<String> tokenOf(String clinic) {
        String v = env.apply(envName(clinic));
        if (v != null && !v.isBlank()) {
            return Optional.of(v.trim());
        }
        return Optional.ofNullable(file.get(clinic));
    }

    static Map<String, String> readFile(Path path) {
        Map<String, String> tokens = new HashMap<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(path)) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                if (eq <= 0 || eq == l.length() - 1) {
                    throw new UserError(path + " line " + n + ": expected clinic=token");
                }
                tokens.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UserError("cannot read VOCADENT_CLINIC_TOKENS_FILE " + path + ": " + e.getMessage());
        }
        return tokens;
    }
}
