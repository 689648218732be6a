package dev.vocadent.backend;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run the backend.
 *
 * @param host         address to bind (127.0.0.1 by default)
 * @param port         port; 0 → an ephemeral port
 * @param maxBodyBytes largest request body; larger → 413
 * @param adminToken   the admin token; null → only the demo admin token (in demo mode), else admin endpoints refuse all
 * @param db           the database
 * @param demo         seed the demo clinics and accept the demo tokens
 * @param clock        the clock (slots are never in the past of it)
 * @param redisUrl     Redis for config-change notices; null → none
 * @param horizonDays  how many days ahead (from today) slots are offered
 */
public record BackendOptions(String host, int port, int maxBodyBytes, String adminToken, DbOptions db, boolean demo,
                             Clock clock, String redisUrl, int horizonDays) {
    public BackendOptions {
        if (host == null || host.isBlank()) {
            host = "127.0.0.1";
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max-body-bytes must be at least 1024");
        }
        if (horizonDays < 1 || horizonDays > 366) {
            throw new IllegalArgumentException("booking-horizon-days must be 1..366");
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
    }

    /** The settings of {@code vocadent.backend}, {@code vocadent.db} and {@code vocadent.data-dir}. */
    public static BackendOptions fromSettings(Config vocadent) {
        Config b = vocadent.getConfig("backend");
        Config d = vocadent.getConfig("db");
        Path dataDir = Path.of(vocadent.getString("data-dir"));
        DbOptions db = new DbOptions(opt(d, "url"), opt(d, "user"), opt(d, "password"), d.getInt("pool-size"),
                dataDir.resolve("pg"), opt(d, "schema"), false);
        return new BackendOptions(b.getString("host"), b.getInt("port"), b.getInt("max-body-bytes"), opt(b, "admin-token"),
                db, false, Clock.systemUTC(), redis(vocadent), b.getInt("booking-horizon-days"));
    }

    /** {@code vocadent.redis.url} if the settings have it, else VOCADENT_REDIS_URL. */
    private static String redis(Config vocadent) {
        String fromSettings = opt(vocadent, "redis.url");
        return fromSettings != null ? fromSettings : System.getenv("VOCADENT_REDIS_URL");
    }

    private static String opt(Config c, String path) {
        return c.hasPath(path) && !c.getString(path).isBlank() ? c.getString(path) : null;
    }

    public BackendOptions withPort(int newPort) {
        return new BackendOptions(host, newPort, maxBodyBytes, adminToken, db, demo, clock, redisUrl, horizonDays);
    }

    public BackendOptions withDemo(boolean on) {
        return new BackendOptions(host, port, maxBodyBytes, adminToken, db, on, clock, redisUrl, horizonDays);
    }

    public BackendOptions withDb(DbOptions newDb) {
        return new BackendOptions(host, port, maxBodyBytes, adminToken, newDb, demo, clock, redisUrl, horizonDays);
    }

    public BackendOptions withClock(Clock newClock) {
        return new BackendOptions(host, port, maxBodyBytes, adminToken, db, demo, newClock, redisUrl, horizonDays);
    }

    public BackendOptions withAdminToken(String token) {
        return new BackendOptions(host, port, maxBodyBytes, token, db, demo, clock, redisUrl, horizonDays);
    }

    public BackendOptions withRedisUrl(String url) {
        return new BackendOptions(host, port, maxBodyBytes, adminToken, db, demo, clock, url, horizonDays);
    }

    /** Never shows the admin token or the Redis URL. */
    @Override
    public String toString() {
        return "BackendOptions[" + host + ":" + port + ", maxBodyBytes=" + maxBodyBytes + ", adminToken="
                + (adminToken == null ? "unset" : "<redacted>") + ", " + db + ", demo=" + demo + ", redis="
                + (redisUrl == null ? "none" : "<redacted>") + ", horizonDays=" + horizonDays + "]";
    }

    /** Defaults for a local backend: embedded Postgres under {@code dataDir/pg}, ephemeral port. */
    public static BackendOptions local(Path dataDir, Clock clock) {
        return new BackendOptions("127.0.0.1", 0, 65536, null, DbOptions.embedded(dataDir.resolve("pg")), false, clock, null, 14);
    }
}
