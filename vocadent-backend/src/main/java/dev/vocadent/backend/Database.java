package dev.vocadent.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, migrated schema and (when no URL is configured) the embedded PostgreSQL. */
final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DbOptions options;
    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DbOptions options, EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.options = options;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    static Database open(DbOptions options, MeterRegistry registry) {
        EmbeddedPostgres pg = null;
        String url = options.url();
        String user = options.user();
        String password = options.password();
        try {
            if (options.isEmbedded()) {
                Files.createDirectories(options.embeddedDir());
                try {
                    pg = EmbeddedPostgres.builder()
                            .setDataDirectory(options.embeddedDir())
                            .setCleanDataDirectory(false)
                            .setServerConfig("synchronous_commit", "on")
                            .start();
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("cannot start embedded PostgreSQL: " + options.embeddedDir()
                            + " is in use by another process (stop it, or set VOCADENT_DATA_DIR to another directory)", e);
                }
                url = pg.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = null;
                LOG.info("embedded PostgreSQL started on port {} with data in {}", pg.getPort(), options.embeddedDir());
            }
            prepare(url, user, password, options.schema());
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl(url);
            if (user != null) {
                cfg.setUsername(user);
            }
            if (password != null) {
                cfg.setPassword(password);
            }
            cfg.setMaximumPoolSize(options.poolSize());
            cfg.setPoolName("vocadent-" + options.schema());
            cfg.setConnectionInitSql("SET search_path TO \"" + options.schema() + "\", public");
            cfg.setConnectionTimeout(3_000); // a request waits at most this long for a connection, then 503
            if (registry != null) {
                cfg.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
            HikariDataSource ds = new HikariDataSource(cfg);
            try {
                Flyway.configure()
                        .dataSource(url, user, password) // its own connections: a small pool cannot starve the migration
                        .schemas(options.schema())
                        .defaultSchema(options.schema())
                        .locations("classpath:db/migration/vocadent")
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
            return new Database(options, pg, ds);
        } catch (IOException e) {
            closeQuietly(pg);
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + options.embeddedDir(), e);
        } catch (RuntimeException e) {
            closeQuietly(pg);
            throw e;
        }
    }

    /** Creates btree_gist (in public, shared by all schemas) and the schema; tolerant of concurrent runs. */
    private static void prepare(String url, String user, String password, String schema) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("cannot prepare database: the db url must start with jdbc:postgresql:");
        }
        java.util.Properties p = new java.util.Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        for (int attempt = 0; ; attempt++) {
            try (Connection c = new org.postgresql.Driver().connect(url, p); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public");
                s.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
                return;
            } catch (SQLException e) {
                // two processes creating the extension at once: one loses with a unique violation; retry once more
                if (attempt >= 3 || !"23505".equals(e.getSQLState())) {
                    throw new IllegalStateException("cannot prepare database: " + e.getMessage(), e);
                }
            }
        }
    }

    Jdbi jdbi() {
        return jdbi;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    DbOptions options() {
        return options;
    }

    @Override
    public void close() {
        try {
            if (options.dropSchemaOnClose() && !"public".equals(options.schema())) {
                jdbi.useHandle(h -> h.execute("DROP SCHEMA IF EXISTS \"" + options.schema() + "\" CASCADE"));
            }
        } finally {
            dataSource.close();
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
        }
    }
}
