package dev.vocadent.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import com.typesafe.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds a {@link ClinicDirectory}. Every setting has a default; {@link #settings(Config)} reads them
 * from the {@code vocadent.cache} block of {@code reference.conf}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>ttl</td><td>300 s</td><td>how long a loaded config is served</td></tr>
 *   <tr><td>refreshAfter</td><td>80 % of ttl</td><td>a lookup after this starts a background reload</td></tr>
 *   <tr><td>maxStale</td><td>1 h</td><td>how long past its TTL a config may be served while the source fails</td></tr>
 *   <tr><td>retryAfterError</td><td>10 s</td><td>least time between attempts while the source fails; unknown clinics are remembered this long</td></tr>
 *   <tr><td>maximumSize</td><td>10 000</td><td>clinics held in memory</td></tr>
 *   <tr><td>ticker / clock</td><td>system</td><td>time sources (tests inject fakes)</td></tr>
 *   <tr><td>executor</td><td>a virtual thread per load</td><td>where loads run</td></tr>
 *   <tr><td>meterRegistry</td><td>a private SimpleMeterRegistry</td><td>where metrics go</td></tr>
 *   <tr><td>redisUrl</td><td>none (in-process only)</td><td>the shared tier, e.g. {@code redis://127.0.0.1:6379}</td></tr>
 *   <tr><td>redisKeyPrefix</td><td>{@code vocadent:clinic-config:}</td><td>key of a clinic's config is prefix + clinic id</td></tr>
 *   <tr><td>invalidateChannel</td><td>{@code vocadent:config-invalidate}</td><td>pub/sub channel carrying invalidated clinic ids</td></tr>
 *   <tr><td>redisTimeout</td><td>500 ms</td><td>connect and command timeout of Redis</td></tr>
 * </table>
 */
public final class ClinicDirectoryBuilder {
    final ClinicConfigSource source;
    Duration ttl = Duration.ofSeconds(300);
    Duration refreshAfter;
    Duration maxStale = Duration.ofHours(1);
    Duration retryAfterError = Duration.ofSeconds(10);
    long maximumSize = 10_000;
    Ticker ticker = Ticker.systemTicker();
    Clock clock = Clock.systemUTC();
    Executor executor;
    MeterRegistry registry;
    String redisUrl;
    String redisKeyPrefix = "vocadent:clinic-config:";
    String redisChannel = "vocadent:config-invalidate";
    Duration redisTimeout = Duration.ofMillis(500);

    ClinicDirectoryBuilder(ClinicConfigSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Reads {@code cache.*} of the given {@code vocadent} settings (see reference.conf). */
    public ClinicDirectoryBuilder settings(Config vocadent) {
        Config c = vocadent.getConfig("cache");
        ttl(c.getDuration("ttl"));
        if (c.hasPath("refresh-after")) {
            refreshAfter(c.getDuration("refresh-after"));
        }
        maxStale(c.getDuration("max-stale"));
        retryAfterError(c.getDuration("retry-after-error"));
        maximumSize(c.getLong("maximum-size"));
        Config r = c.getConfig("redis");
        if (r.hasPath("url") && !r.getString("url").isBlank()) {
            redisUrl(r.getString("url"));
        }
        redisKeyPrefix(r.getString("key-prefix"));
        invalidateChannel(r.getString("invalidate-channel"));
        redisTimeout(r.getDuration("timeout"));
        return this;
    }

    public ClinicDirectoryBuilder ttl(Duration ttl) {
        this.ttl = positive("vocadent.cache.ttl", ttl);
        return this;
    }

    /** Default: 80 % of the TTL. Must be shorter than the TTL. */
    public ClinicDirectoryBuilder refreshAfter(Duration refreshAfter) {
        this.refreshAfter = positive("vocadent.cache.refresh-after", refreshAfter);
        return this;
    }

    public ClinicDirectoryBuilder maxStale(Duration maxStale) {
        Objects.requireNonNull(maxStale, "maxStale");
        if (maxStale.isNegative()) {
            throw new IllegalArgumentException("vocadent.cache.max-stale: must not be negative, was " + maxStale);
        }
        this.maxStale = maxStale;
        return this;
    }

    public ClinicDirectoryBuilder retryAfterError(Duration retryAfterError) {
        this.retryAfterError = positive("vocadent.cache.retry-after-error", retryAfterError);
        return this;
    }

    public ClinicDirectoryBuilder maximumSize(long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("vocadent.cache.maximum-size: must be at least 1, was " + maximumSize);
        }
        this.maximumSize = maximumSize;
        return this;
    }

    public ClinicDirectoryBuilder ticker(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    public ClinicDirectoryBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Where loads, refreshes and invalidation messages run (default: a virtual thread each, owned by the directory). */
    public ClinicDirectoryBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    public ClinicDirectoryBuilder meterRegistry(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** Turns the shared Redis tier on; null or blank → off. */
    public ClinicDirectoryBuilder redisUrl(String url) {
        this.redisUrl = url == null || url.isBlank() ? null : url.trim();
        return this;
    }

    public ClinicDirectoryBuilder redisKeyPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("vocadent.cache.redis.key-prefix: must not be blank");
        }
        this.redisKeyPrefix = prefix;
        return this;
    }

    public ClinicDirectoryBuilder invalidateChannel(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("vocadent.cache.redis.invalidate-channel: must not be blank");
        }
        this.redisChannel = channel;
        return this;
    }

    public ClinicDirectoryBuilder redisTimeout(Duration timeout) {
        this.redisTimeout = positive("vocadent.cache.redis.timeout", timeout);
        return this;
    }

    /**
     * Builds the directory; with a Redis URL it connects and subscribes now.
     *
     * @throws IllegalArgumentException when settings contradict each other
     * @throws IllegalStateException    when Redis is configured but cannot be reached
     */
    public ClinicDirectory build() {
        Duration refresh = effectiveRefreshAfter();
        if (refresh.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("vocadent.cache.refresh-after (" + refresh
                    + ") must be shorter than vocadent.cache.ttl (" + ttl + ")");
        }
        if (registry == null) {
            registry = new SimpleMeterRegistry();
        }
        return new CaffeineClinicDirectory(this);
    }

    Duration effectiveRefreshAfter() {
        return refreshAfter != null ? refreshAfter : ttl.multipliedBy(4).dividedBy(5);
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + d);
        }
        return d;
    }
}
