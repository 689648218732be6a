package dev.vocadent.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import dev.vocadent.core.json.Json;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional second tier: one Redis key per clinic ({@code <prefix><clinic>}, JSON
 * {@code {"loaded_at": …, "config": {…}}}, expiring when the config is too stale to serve) and the
 * invalidation channel. Messages on the channel:
 * <ul>
 *   <li>{@code <clinic>} (what the backend publishes when an admin changes a config, and what
 *       {@link ClinicDirectory#invalidate} publishes): drop the clinic from both tiers;
 *   <li>{@code put:<clinic>:<origin>} (published by {@link ClinicDirectory#put}): the shared tier
 *       already holds the new config; other directories drop only their first-tier copy.
 * </ul>
 * Redis errors are logged and counted and read as a miss: a lookup never fails because of Redis.
 */
final class RedisTier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisTier.class);
    private static final String PUT = "put:";

    /** A config as stored in Redis, with the wall-clock time it was loaded from the source. */
    record Stored(Instant loadedAt, ClinicConfig config) {}

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final String keyPrefix;
    private final String channel;
    private final String origin = UUID.randomUUID().toString();
    private final String where;
    private final DirectoryMetrics metrics;
    private volatile boolean closing;

    /**
     * Connects (fails at once with a clear message when Redis cannot be reached) and subscribes.
     *
     * @param onInvalidate called on {@code executor} with (clinic id, drop shared copy too)
     * @param onReconnect  called on {@code executor} after the subscription was lost and is back
     *                     (invalidations may have been missed meanwhile)
     */
    RedisTier(String url, String keyPrefix, String channel, Duration timeout, DirectoryMetrics metrics,
              Executor executor, BiConsumer<String, Boolean> onInvalidate, Runnable onReconnect) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("vocadent.cache.redis.url: not a Redis URL (redis://host:port)");
        }
        uri.setTimeout(timeout);
        uri.setClientName(clientName());
        this.where = uri.getHost() + ":" + uri.getPort();
        this.keyPrefix = keyPrefix;
        this.channel = channel;
        this.metrics = metrics;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        AtomicBoolean lost = new AtomicBoolean();
        try {
            this.connection = client.connect();
            this.pubSub = client.connectPubSub();
            client.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    if (handler == pubSub && !closing) {
                        lost.set(true);
                        log.warn("config cache: lost the invalidation subscription to Redis at {}; reconnecting", where);
                    }
                }

                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                    if (handler == pubSub && lost.compareAndSet(true, false)) {
                        log.info("config cache: invalidation subscription to Redis at {} is back; dropping the first tier", where);
                        executor.execute(onReconnect);
                    }
                }
            });
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    if (channel.equals(ch)) {
                        executor.execute(() -> dispatch(message, onInvalidate));
                    }
                }
            });
            pubSub.sync().subscribe(channel);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw new IllegalStateException("config cache: cannot reach Redis at " + where + " (VOCADENT_REDIS_URL): "
                    + e.getMessage(), e);
        }
        log.info("config cache: shared tier on Redis at {} (keys {}*, invalidations on {})", where, keyPrefix, channel);
    }

    private void dispatch(String message, BiConsumer<String, Boolean> onInvalidate) {
        String m = message == null ? "" : message.trim();
        if (ClinicConfigs.CLINIC_ID.matcher(m).matches()) {
            onInvalidate.accept(m, true);
            return;
        }
        if (m.startsWith(PUT)) {
            String rest = m.substring(PUT.length());
            int colon = rest.indexOf(':');
            String id = colon < 0 ? rest : rest.substring(0, colon);
            String from = colon < 0 ? "" : rest.substring(colon + 1);
            if (ClinicConfigs.CLINIC_ID.matcher(id).matches()) {
                if (!origin.equals(from)) {
                    onInvalidate.accept(id, false);
                }
                return;
            }
        }
        log.warn("config cache: ignoring a malformed message on {} ({} chars)", channel, m.length());
    }

    /** The Redis client name of this tier's connections ({@code CLIENT LIST} shows it). */
    String clientName() {
        return "vocadent-config-cache-" + origin.substring(0, 8);
    }

    /** The stored config of a clinic; empty on a miss, a Redis error or an unreadable value. */
    Optional<Stored> get(String clinicId) {
        String raw;
        try {
            raw = connection.sync().get(keyPrefix + clinicId);
        } catch (RuntimeException e) {
            metrics.sharedErrors.increment();
            log.warn("config cache: Redis read of clinic {} failed ({}); reading from the source", clinicId, e.getMessage());
            return Optional.empty();
        }
        if (raw == null) {
            metrics.sharedMisses.increment();
            return Optional.empty();
        }
        try {
            JsonNode tree = Json.mapper().readTree(raw);
            Instant loadedAt = Instant.parse(tree.path("loaded_at").asText());
            ClinicConfig config = ClinicConfigs.fromTree(tree.path("config"));
            if (!clinicId.equals(config.customerId())) {
                throw new IllegalStateException("holds the config of another clinic");
            }
            metrics.sharedHits.increment();
            return Optional.of(new Stored(loadedAt, config));
        } catch (Exception e) {
            metrics.sharedErrors.increment();
            log.warn("config cache: dropping unreadable Redis value of clinic {} ({})", clinicId, e.getMessage());
            delete(clinicId);
            return Optional.empty();
        }
    }

    /** Stores a config; the key expires after {@code keep} (when it is too stale to serve). */
    void put(String clinicId, ClinicConfig config, Instant loadedAt, Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            return;
        }
        try {
            connection.sync().set(keyPrefix + clinicId, Json.write(new Stored(loadedAt, config)),
                    SetArgs.Builder.px(keep.toMillis()));
        } catch (RuntimeException e) {
            metrics.sharedErrors.increment();
            log.warn("config cache: Redis write of clinic {} failed ({})", clinicId, e.getMessage());
        }
    }

    void delete(String clinicId) {
        try {
            connection.sync().del(keyPrefix + clinicId);
        } catch (RuntimeException e) {
            metrics.sharedErrors.increment();
            log.warn("config cache: Redis delete of clinic {} failed ({})", clinicId, e.getMessage());
        }
    }

    /** Tells every directory to drop the clinic from both tiers. */
    void publishInvalidate(String clinicId) {
        publish(clinicId);
    }

    /** Tells every other directory to drop its first-tier copy (the shared tier holds the new one). */
    void publishPut(String clinicId) {
        publish(PUT + clinicId + ":" + origin);
    }

    private void publish(String message) {
        try {
            connection.sync().publish(channel, message);
        } catch (RuntimeException e) {
            metrics.sharedErrors.increment();
            log.warn("config cache: could not publish on {} ({}); other workers keep their copy until its TTL",
                    channel, e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            pubSub.close();
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
