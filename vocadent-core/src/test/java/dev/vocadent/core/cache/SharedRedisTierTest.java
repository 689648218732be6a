package dev.vocadent.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared tier against a real Redis ({@code VOCADENT_TEST_REDIS_URL}, default
 * redis://127.0.0.1:6379). Skipped with the reason when none is reachable, unless
 * {@code VOCADENT_REQUIRE_REDIS=1} (CI), which makes that a failure. Every test uses its own key
 * prefix and channel, so parallel runs never see each other.
 */
class SharedRedisTierTest {
    static final ClinicConfig WESTBURY = Configs.withVersion(DemoClinics.westbury(), 1);
    static final ClinicConfig WESTBURY_V2 = Configs.withVersion(DemoClinics.westbury(), 2);
    static final String URL = envOr("VOCADENT_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    static RedisClient admin;
    static StatefulRedisConnection<String, String> redis;
    static String unavailable;

    final String prefix = "vocadent-test:" + UUID.randomUUID() + ":";
    final String channel = "vocadent-test:invalidate:" + UUID.randomUUID();
    final FakeTime time = new FakeTime();
    final List<ClinicDirectory> opened = new ArrayList<>();

    @BeforeAll
    static void redisIsThere() {
        try {
            RedisURI uri = RedisURI.create(URL);
            // generous: the first Netty connection of a JVM on a loaded 2-core machine can take seconds
            uri.setTimeout(Duration.ofSeconds(10));
            admin = RedisClient.create(uri);
            RuntimeException last = null;
            for (int attempt = 0; attempt < 3 && redis == null; attempt++) {
                try {
                    redis = admin.connect();
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            if (redis == null) {
                throw last;
            }
            redis.sync().ping();
        } catch (RuntimeException e) {
            String why = "no Redis at " + URL + " (" + e.getMessage() + ")";
            if (admin != null) {
                admin.shutdown();
                admin = null;
            }
            if ("1".equals(System.getenv("VOCADENT_REQUIRE_REDIS"))) {
                fail("VOCADENT_REQUIRE_REDIS=1 but " + why);
            }
            unavailable = why + "; set VOCADENT_TEST_REDIS_URL, or VOCADENT_REQUIRE_REDIS=1 to make this a failure";
            System.out.println("SharedRedisTierTest skipped: " + unavailable);
        }
    }

    @BeforeEach
    void skipWithoutRedis() {
        assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            redis.close();
            admin.shutdown();
        }
    }

    @AfterEach
    void cleanUp() {
        if (unavailable != null) {
            return;
        }
        opened.forEach(ClinicDirectory::close);
        List<String> keys = redis.sync().keys(prefix + "*");
        if (!keys.isEmpty()) {
            redis.sync().del(keys.toArray(String[]::new));
        }
    }

    ClinicDirectory worker(FakeSource source) {
        ClinicDirectory d = ClinicDirectory.builder(source).ticker(time.ticker()).clock(time.clock())
                .redisUrl(URL).redisKeyPrefix(prefix).invalidateChannel(channel).build();
        opened.add(d);
        return d;
    }

    static FakeSource down() {
        FakeSource s = new FakeSource();
        s.failWith(new IllegalStateException("backend unreachable"));
        return s;
    }

    @Test
    void aConfigLoadedByOneWorkerIsReadFromRedisByAnotherWithoutAskingItsSource() {
        FakeSource a = new FakeSource().with(WESTBURY);
        FakeSource b = down();
        worker(a).get("westbury");
        assertThat(redis.sync().get(prefix + "westbury")).contains("\"loaded_at\"").contains("\"customer_id\":\"westbury\"");
        assertThat(redis.sync().pttl(prefix + "westbury")).isBetween(1L, (300L + 3600L) * 1000);

        assertThat(worker(b).get("westbury")).isEqualTo(WESTBURY);
        assertThat(b.loads()).isZero();
    }

    @Test
    void theSecondTierServesAConfigWhenTheSourceIsDown() {
        worker(new FakeSource().with(WESTBURY)).get("westbury");
        time.advance(Duration.ofSeconds(600)); // too old to take as fresh, within the allowed staleness
        FakeSource b = down();

        assertThat(worker(b).get("westbury")).isEqualTo(WESTBURY);
        assertThat(b.loads()).as("the source was asked first").isEqualTo(1);
    }

    @Test
    void aPutOnOneWorkerIsSeenByTheOtherWithinASecond() {
        ClinicDirectory a = worker(new FakeSource().with(WESTBURY));
        FakeSource sb = new FakeSource().with(WESTBURY);
        ClinicDirectory b = worker(sb);
        a.get("westbury");
        b.get("westbury");

        a.put(WESTBURY_V2);
        Await.within(1000, () -> b.get("westbury").equals(WESTBURY_V2), "worker b serves the put config");
        assertThat(sb.loads()).as("b read the new config from Redis").isZero();
        assertThat(a.get("westbury")).isEqualTo(WESTBURY_V2);
    }

    @Test
    void anInvalidateOnOneWorkerIsSeenByTheOtherWithinASecond() {
        FakeSource sa = new FakeSource().with(WESTBURY);
        FakeSource sb = new FakeSource().with(WESTBURY);
        ClinicDirectory a = worker(sa);
        ClinicDirectory b = worker(sb);
        a.get("westbury");
        b.get("westbury");
        sa.with(WESTBURY_V2);
        sb.with(WESTBURY_V2);

        a.invalidate("westbury");
        Await.within(1000, () -> b.getIfPresent("westbury").isEmpty(), "worker b dropped westbury");
        assertThat(b.get("westbury")).isEqualTo(WESTBURY_V2);
    }

    @Test
    void theBackendPublishingAClinicIdDropsItFromBothTiers() {
        FakeSource s = new FakeSource().with(WESTBURY);
        ClinicDirectory a = worker(s);
        a.get("westbury");
        assertThat(redis.sync().exists(prefix + "westbury")).isEqualTo(1);
        s.with(WESTBURY_V2);

        redis.sync().publish(channel, "westbury");
        Await.within(1000, () -> a.getIfPresent("westbury").isEmpty() && redis.sync().exists(prefix + "westbury") == 0,
                "westbury dropped from both tiers");
        assertThat(a.get("westbury")).isEqualTo(WESTBURY_V2);
    }

    @Test
    void malformedMessagesOnTheChannelChangeNothing() throws Exception {
        ClinicDirectory a = worker(new FakeSource().with(WESTBURY));
        a.get("westbury");
        for (String junk : List.of("", "WESTBURY", "westbury\nINFO", "put:", "put:../x:y", "*")) {
            redis.sync().publish(channel, junk);
        }
        // a valid message sent after the junk is handled; by then the junk was too
        redis.sync().publish(channel, "dental2");
        Thread.sleep(200);
        assertThat(a.getIfPresent("westbury")).contains(WESTBURY);
        assertThat(redis.sync().exists(prefix + "westbury")).isEqualTo(1);
    }

    @Test
    void anUnreadableSharedValueIsDroppedAndTheSourceAsked() {
        redis.sync().set(prefix + "westbury", "{not json");
        FakeSource s = new FakeSource().with(WESTBURY);
        assertThat(worker(s).get("westbury")).isEqualTo(WESTBURY);
        assertThat(s.loads()).isEqualTo(1);
        assertThat(redis.sync().get(prefix + "westbury")).contains("\"customer_id\":\"westbury\"");
    }

    @Test
    void aSharedValueHoldingAnotherClinicsConfigIsNotServed() {
        worker(new FakeSource().with(DemoClinics.dental2())).get("dental2");
        redis.sync().rename(prefix + "dental2", prefix + "westbury");
        FakeSource s = new FakeSource().with(WESTBURY);
        assertThat(worker(s).get("westbury")).isEqualTo(WESTBURY);
    }

    @Test
    void anUnreachableRedisFailsAtStartWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> ClinicDirectory.builder(new FakeSource()).redisUrl("redis://127.0.0.1:" + port)
                .redisKeyPrefix(prefix).invalidateChannel(channel).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reach Redis at 127.0.0.1:" + port);
    }

    @Test
    void afterLosingItsSubscriptionAWorkerDropsItsFirstTierAndListensAgain() {
        ClinicDirectory a = worker(new FakeSource().with(WESTBURY));
        a.get("westbury");
        String name = ((CaffeineClinicDirectory) a).sharedTier().clientName();
        String line = java.util.Arrays.stream(redis.sync().clientList().split("\n"))
                .filter(l -> l.contains(" name=" + name + " ") && l.contains(" sub=1 "))
                .findFirst().orElseThrow(() -> new AssertionError("no subscriber named " + name));
        long id = Long.parseLong(line.substring(3, line.indexOf(' ')));
        redis.sync().clientKill(io.lettuce.core.KillArgs.Builder.id(id));

        // invalidations may have been missed while it was gone: the first tier is dropped on reconnect
        Await.until(() -> a.getIfPresent("westbury").isEmpty(), "first tier dropped after reconnecting");
        a.get("westbury");
        Await.until(() -> {
            redis.sync().publish(channel, "westbury");
            return a.getIfPresent("westbury").isEmpty();
        }, "subscribed again");
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
