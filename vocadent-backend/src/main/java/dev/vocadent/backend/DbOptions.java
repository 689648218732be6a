package dev.vocadent.backend;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the backend keeps its data.
 *
 * @param url        JDBC URL of a real PostgreSQL; null → embedded PostgreSQL under {@code embeddedDir}
 * @param user       user for {@code url} (may also be in the URL); null → none
 * @param password   password for {@code url}; null → none
 * @param poolSize   HikariCP pool size
 * @param embeddedDir data directory of the embedded PostgreSQL (kept across restarts)
 * @param schema     the schema holding Vocadent's tables ({@code public} by default)
 * @param dropSchemaOnClose true → the schema is dropped on close (tests isolate runs this way)
 */
public record DbOptions(String url, String user, String password, int poolSize, Path embeddedDir,
                        String schema, boolean dropSchemaOnClose) {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DbOptions {
        if (schema == null || schema.isBlank()) {
            schema = "public";
        }
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("db schema must be lower-case letters, digits and '_': " + schema);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("db pool-size must be at least 1");
        }
        if ((url == null || url.isBlank()) && embeddedDir == null) {
            throw new IllegalArgumentException("either a db url or an embedded data directory is needed");
        }
    }

    /** Embedded PostgreSQL with its data under {@code dir}. */
    public static DbOptions embedded(Path dir) {
        return new DbOptions(null, null, null, 10, dir, "public", false);
    }

    /** A real PostgreSQL. */
    public static DbOptions external(String url, String user, String password) {
        return new DbOptions(url, user, password, 10, null, "public", false);
    }

    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    public DbOptions withSchema(String newSchema, boolean drop) {
        return new DbOptions(url, user, password, poolSize, embeddedDir, newSchema, drop);
    }

    /** Never shows the URL (it may hold a password) or the password. */
    @Override
    public String toString() {
        return "DbOptions[" + (isEmbedded() ? "embedded " + embeddedDir : "url=<redacted>") + ", schema=" + schema
                + ", poolSize=" + poolSize + "]";
    }

    public DbOptions withPoolSize(int size) {
        return new DbOptions(url, user, password, size, embeddedDir, schema, dropSchemaOnClose);
    }
}
