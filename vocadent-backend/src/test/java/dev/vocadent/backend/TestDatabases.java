package dev.vocadent.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases DB tests run on: always a shared embedded PostgreSQL (one per test JVM), plus the
 * machine's real server when {@code VOCADENT_TEST_PG_URL} is set. Each use gets a fresh schema with a
 * random name that is dropped on close, so parallel and repeated runs never collide.
 */
public final class TestDatabases {
    public static final String EMBEDDED = "embedded";
    public static final String REAL = "real";
    private static EmbeddedPostgres shared;

    private TestDatabases() {}

    /** The targets to run on: "embedded", and "real" when VOCADENT_TEST_PG_URL is set. */
    public static List<String> targets() {
        List<String> t = new ArrayList<>();
        t.add(EMBEDDED);
        String real = System.getenv("VOCADENT_TEST_PG_URL");
        if (real != null && !real.isBlank()) {
            t.add(REAL);
        }
        return t;
    }

    /** Options for a fresh, randomly named schema on the target (dropped when the database closes). */
    public static DbOptions fresh(String target) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        String url = switch (target) {
            case EMBEDDED -> embeddedUrl();
            case REAL -> System.getenv("VOCADENT_TEST_PG_URL");
            default -> throw new IllegalArgumentException(target);
        };
        return new DbOptions(url, null, null, 10, null, schema, true);
    }

    /** A demo backend on the target, on an ephemeral loopback port, with the given clock. */
    public static BackendServer demoServer(String target, Clock clock) {
        return BackendServer.start(new BackendOptions("127.0.0.1", 0, 65536, "test-admin-token", fresh(target), true, clock, null, 14));
    }

    static synchronized String embeddedUrl() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("vocadent-test-pg");
                shared = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
                EmbeddedPostgres pg = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // JVM is exiting
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared.getJdbcUrl("postgres", "postgres");
    }
}
