package dev.vocadent.postcall.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Resolves a secret reference: {@code env:NAME} (an environment variable) or {@code file:/path} (the
 * file's content, trimmed). Error messages name the reference, never the secret.
 */
public final class SecretRefs {
    private final Function<String, String> env;

    public SecretRefs(Function<String, String> env) {
        this.env = env;
    }

    public static SecretRefs system() {
        return new SecretRefs(System::getenv);
    }

    /** The secret; {@link IllegalArgumentException} if the reference is malformed, unset or empty. */
    public String resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("no secret reference given");
        }
        String value;
        if (ref.startsWith("env:") && ref.length() > 4) {
            value = env.apply(ref.substring(4));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("environment variable " + ref.substring(4) + " is not set");
            }
        } else if (ref.startsWith("file:") && ref.length() > 5) {
            try {
                value = Files.readString(Path.of(ref.substring(5)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read secret file " + ref.substring(5) + ": " + e.getClass().getSimpleName());
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException("secret file " + ref.substring(5) + " is empty");
            }
        } else {
            throw new IllegalArgumentException("secret reference must be env:NAME or file:/path, got '" + ref.replaceAll(":.*", ":…") + "'");
        }
        return value.trim();
    }
}
