package dev.vocadent.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.InvalidConfigException;
import dev.vocadent.core.demo.DemoClinics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClinicDirectoryTest {
    static final ClinicConfig WESTBURY = Configs.withVersion(DemoClinics.westbury(), 1);
    static final ClinicConfig WESTBURY_V2 = Configs.withVersion(DemoClinics.westbury(), 2);
    static final ClinicConfig DENTAL2 = Configs.withVersion(DemoClinics.dental2(), 1);

    final FakeTime time = new FakeTime();
    final FakeSource source = new FakeSource().with(WESTBURY, DENTAL2);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ClinicDirectory directory = ClinicDirectory.builder(source)
            .ticker(time.ticker()).clock(time.clock()).meterRegistry(registry).build();

    @AfterEach
    void close() {
        directory.close();
    }

    double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void loadsOnceThenServesFromTheCache() {
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);

        assertThat(source.loads()).isEqualTo(1);
        assertThat(count("vocadent.config.cache.gets", "result", "miss")).isEqualTo(1);
        assertThat(count("vocadent.config.cache.gets", "result", "hit")).isEqualTo(2);
        assertThat(registry.find("vocadent.config.cache.loads").tags("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(directory.getIfPresent("westbury")).contains(WESTBURY);
        assertThat(directory.getIfPresent("dental2")).isEmpty();
    }

    @Test
    void configExpiresAfterItsTtlAndIsLoadedAgain() {
        directory.get("westbury");
        source.with(WESTBURY_V2);

        time.advance(Duration.ofSeconds(299));
        // at 299 s a refresh has been started (after 240 s); hold the source so nothing changes yet
        assertThat(directory.getIfPresent("westbury")).contains(WESTBURY);

        time.advance(Duration.ofSeconds(2));
        assertThat(directory.getIfPresent("westbury")).isEmpty();
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY_V2);
        assertThat(source.loads()).isEqualTo(2);
        assertThat(count("vocadent.config.cache.stale.serves")).isZero();
        Await.until(() -> count("vocadent.config.cache.evictions", "cause", "expired") == 1, "expiry counted");
    }

    @Test
    void refreshAheadServesTheCurrentConfigWhileReloadingThenTheNewOne() throws Exception {
        directory.get("westbury");
        source.with(WESTBURY_V2);
        source.hold();
        time.advance(Duration.ofSeconds(250));

        // the caller is not made to wait for the reload
        ClinicConfig during = CompletableFuture.supplyAsync(() -> directory.get("westbury")).get(5, TimeUnit.SECONDS);
        assertThat(during).isEqualTo(WESTBURY);
        source.awaitEntered();
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        assertThat(source.loads()).as("one reload however many lookups").isEqualTo(2);

        source.release();
        Await.until(() -> directory.get("westbury").equals(WESTBURY_V2), "refreshed config served");
        assertThat(count("vocadent.config.cache.refreshes", "outcome", "success")).isEqualTo(1);
        assertThat(count("vocadent.config.cache.stale.serves")).isZero();

        // the TTL counts from the refresh: still served 290 s later without another load
        time.advance(Duration.ofSeconds(230));
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY_V2);
        assertThat(source.loads()).isEqualTo(2);
    }

    @Test
    void hundredSimultaneousLookupsOfAColdClinicLoadItOnce() throws Exception {
        source.hold();
        int n = 100;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ClinicConfig>> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<ClinicConfig> r = new CompletableFuture<>();
            results.add(r);
            threads.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                try {
                    go.await();
                    r.complete(directory.get("westbury"));
                } catch (Throwable t) {
                    r.completeExceptionally(t);
                }
            }));
        }
        ready.await();
        go.countDown();
        source.awaitEntered();
        // every caller has asked and is waiting for the one load before it is let go
        Await.until(() -> count("vocadent.config.cache.gets", "result", "miss") == n, "all callers waiting");
        source.release();
        for (CompletableFuture<ClinicConfig> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(WESTBURY);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(source.loads()).isEqualTo(1);
    }

    @Test
    void failingSourceServesTheLastGoodConfigWithinMaxStaleness() {
        directory.get("westbury");
        source.failWith(new IllegalStateException("backend unreachable"));

        time.advance(Duration.ofSeconds(250));
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        Await.until(() -> count("vocadent.config.cache.refreshes", "outcome", "failure") == 1, "refresh failed");
        assertThat(count("vocadent.config.cache.stale.serves")).as("still within its TTL").isZero();

        time.advance(Duration.ofSeconds(400)); // 650 s old: 350 s past its TTL, within 1 h
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        assertThat(count("vocadent.config.cache.stale.serves")).isEqualTo(1);
        Await.until(() -> count("vocadent.config.cache.refreshes", "outcome", "failure") == 2, "retried");

        source.recover();
        source.with(WESTBURY_V2);
        time.advance(Duration.ofSeconds(11)); // past retry-after-error
        directory.get("westbury");
        Await.until(() -> directory.get("westbury").equals(WESTBURY_V2), "recovered");
    }

    @Test
    void failingSourceAfterTheEntryExpiredUnusedStillServesTheLastGoodConfig() {
        directory.get("westbury");
        source.failWith(new IllegalStateException("backend answered 503"));
        time.advance(Duration.ofSeconds(301));

        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        assertThat(count("vocadent.config.cache.stale.serves")).isEqualTo(1);
        assertThat(count("vocadent.config.cache.loads", "outcome", "failure")).isZero(); // it is a timer
        assertThat(registry.find("vocadent.config.cache.loads").tags("outcome", "failure").timer().count()).isEqualTo(1);
    }

    @Test
    void beyondMaxStalenessLookupsFailClearlyUntilTheSourceRecovers() {
        directory.get("westbury");
        source.failWith(new IllegalStateException("backend unreachable"));
        time.advance(Duration.ofSeconds(300 + 3600 + 1));

        assertThatThrownBy(() -> directory.get("westbury"))
                .isInstanceOf(ConfigUnavailableException.class)
                .hasMessageContaining("westbury")
                .hasMessageContaining("backend unreachable")
                .hasMessageContaining("max staleness 3600 s");
        int loads = source.loads();
        // the failure is remembered for retry-after-error: no hammering of a failing backend
        assertThatThrownBy(() -> directory.get("westbury")).isInstanceOf(ConfigUnavailableException.class);
        assertThat(source.loads()).isEqualTo(loads);

        source.recover();
        time.advance(Duration.ofSeconds(10));
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
    }

    @Test
    void aSourceFailingOnAColdClinicFailsClearly() {
        source.failWith(new IllegalStateException("connection refused"));
        assertThatThrownBy(() -> directory.get("westbury"))
                .isInstanceOf(ConfigUnavailableException.class)
                .hasMessageContaining("no earlier copy");
    }

    @Test
    void unknownClinicIsADistinctResultAndIsRememberedBriefly() {
        assertThatThrownBy(() -> directory.get("nosuch"))
                .isInstanceOf(UnknownClinicException.class)
                .hasMessageContaining("nosuch");
        assertThatThrownBy(() -> directory.get("nosuch")).isInstanceOf(UnknownClinicException.class);
        assertThat(source.loads()).isEqualTo(1);

        time.advance(Duration.ofSeconds(11));
        source.with(Configs.withId(WESTBURY, "nosuch"));
        assertThat(directory.get("nosuch").customerId()).isEqualTo("nosuch");
    }

    @Test
    void clinicRemovedFromTheSourceIsDroppedOnRefresh() {
        directory.get("westbury");
        source.remove("westbury");
        time.advance(Duration.ofSeconds(250));
        directory.get("westbury"); // starts the refresh, still served
        Await.until(() -> directory.getIfPresent("westbury").isEmpty(), "dropped");
        assertThatThrownBy(() -> directory.get("westbury")).isInstanceOf(UnknownClinicException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Westbury", "../westbury", "west bury", "westbury\n", "-westbury", "wеstbury"})
    void anythingButAClinicIdIsUnknownWithoutAskingTheSource(String id) {
        assertThatThrownBy(() -> directory.get(id)).isInstanceOf(UnknownClinicException.class)
                .hasMessageStartingWith("not a clinic id");
        assertThat(directory.prefetch(id)).isCompletedExceptionally();
        assertThat(directory.getIfPresent(id)).isEmpty();
        assertThat(source.loads()).isZero();
    }

    @Test
    void aSourceAnsweringWithAnotherClinicsConfigIsAFailureNotThatClinic() {
        ClinicDirectory d = ClinicDirectory.builder(id -> Optional.of(DENTAL2)).ticker(time.ticker()).build();
        assertThatThrownBy(() -> d.get("westbury")).isInstanceOf(ConfigUnavailableException.class)
                .hasMessageContaining("another clinic");
        d.close();
    }

    @Test
    void anInvalidConfigFromTheSourceIsAFailure() {
        ClinicConfig broken = new ClinicConfig("westbury", null, null, null, null, null, null, null, null, null, null,
                null, null, null, 1L);
        ClinicDirectory d = ClinicDirectory.builder(id -> Optional.of(broken)).ticker(time.ticker()).build();
        assertThatThrownBy(() -> d.get("westbury")).isInstanceOf(ConfigUnavailableException.class)
                .hasMessageContaining("InvalidConfigException");
        d.close();
    }

    @Test
    void invalidateDropsOneClinicAndInvalidateAllDropsEvery() {
        directory.get("westbury");
        directory.get("dental2");
        source.with(WESTBURY_V2);

        directory.invalidate("westbury");
        assertThat(directory.getIfPresent("westbury")).isEmpty();
        assertThat(directory.getIfPresent("dental2")).contains(DENTAL2);
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY_V2);
        assertThat(source.loads()).isEqualTo(3);

        directory.invalidateAll();
        assertThat(directory.getIfPresent("westbury")).isEmpty();
        assertThat(directory.getIfPresent("dental2")).isEmpty();
        directory.get("dental2");
        assertThat(source.loads()).isEqualTo(4);
    }

    @Test
    void invalidatedClinicIsNotServedStaleWhenTheSourceThenFails() {
        directory.get("westbury");
        directory.invalidate("westbury");
        source.failWith(new IllegalStateException("down"));
        assertThatThrownBy(() -> directory.get("westbury")).isInstanceOf(ConfigUnavailableException.class);
    }

    @Test
    void prefetchLoadsAheadSoTheLaterLookupIsAHit() throws Exception {
        CompletableFuture<ClinicConfig> f = directory.prefetch("dental2");
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(DENTAL2);
        assertThat(directory.get("dental2")).isEqualTo(DENTAL2);
        assertThat(source.loads()).isEqualTo(1);
        assertThat(count("vocadent.config.cache.gets", "result", "hit")).isEqualTo(1);

        CompletableFuture<ClinicConfig> unknown = directory.prefetch("nosuch");
        assertThatThrownBy(() -> unknown.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UnknownClinicException.class);
        assertThatThrownBy(unknown::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(UnknownClinicException.class);
    }

    @Test
    void cancellingAPrefetchDoesNotCancelTheLoad() throws Exception {
        source.hold();
        CompletableFuture<ClinicConfig> f = directory.prefetch("westbury");
        source.awaitEntered();
        f.cancel(true);
        source.release();
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
        assertThat(source.loads()).isEqualTo(1);
    }

    @Test
    void putServesTheGivenConfigWithoutLoading() {
        directory.put(WESTBURY_V2);
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY_V2);
        assertThat(source.loads()).isZero();
    }

    @Test
    void putOfAnInvalidConfigThrowsAndChangesNothing() {
        directory.get("westbury");
        ClinicConfig broken = new ClinicConfig("westbury", null, null, "", null, null, null, null, null, null, null,
                null, null, null, 9L);
        assertThatThrownBy(() -> directory.put(broken)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> directory.put(null)).isInstanceOf(InvalidConfigException.class);
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
    }

    @Test
    void listenersHearOfLoadsPutsAndDrops() {
        List<String> events = new ArrayList<>();
        directory.addListener((id, c) -> events.add(id + ":" + c.map(x -> "v" + x.version()).orElse("dropped")));
        directory.get("westbury");
        directory.put(WESTBURY_V2);
        directory.invalidate("westbury");
        assertThat(events).containsExactly("westbury:v1", "westbury:v2", "westbury:dropped");
    }

    @Test
    void aFailingListenerDoesNotBreakLookups() {
        directory.addListener((id, c) -> {
            throw new IllegalStateException("boom");
        });
        assertThat(directory.get("westbury")).isEqualTo(WESTBURY);
    }
    @Test
    void aLoadThatRacedWithAnInvalidationIsNotKeptAsTheLastGoodCopy() throws Exception {
        List<String> events = new ArrayList<>();
        directory.addListener((id, c) -> events.add(id + ":" + c.map(x -> "v" + x.version()).orElse("dropped")));
        source.hold();
        CompletableFuture<ClinicConfig> inFlight = directory.prefetch("westbury");
        source.awaitEntered();
        directory.invalidate("westbury"); // the config changed while the old one was being read
        source.release();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo(WESTBURY); // its caller still gets an answer
        assertThat(events).containsExactly("westbury:dropped");

        source.failWith(new IllegalStateException("down"));
        assertThatThrownBy(() -> directory.get("westbury")).isInstanceOf(ConfigUnavailableException.class);
    }
}
