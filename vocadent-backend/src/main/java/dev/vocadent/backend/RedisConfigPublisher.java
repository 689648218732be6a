package dev.vocadent.backend;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes config changes on Redis with Lettuce; connects lazily and reconnects after failures. */
final class RedisConfigPublisher implements ConfigPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConfigPublisher.class);

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    RedisConfigPublisher(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.client.setDefaultTimeout(Duration.ofSeconds(2));
    }

    @Override
    public synchronized void configChanged(String clinicId) {
        try {
            if (connection == null || !connection.isOpen()) {
                connection = client.connect();
            }
            long receivers = connection.sync().publish(CHANNEL, clinicId);
            LOG.info("config change of clinic {} published to {} subscriber(s)", clinicId, receivers);
        } catch (RuntimeException e) {
            LOG.warn("could not publish config change of clinic {} on Redis: {}", clinicId, e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
