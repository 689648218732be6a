package dev.vocadent.core.cache;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClinicDirectory} over a Caffeine async loading cache, with an optional Redis tier. */
final class CaffeineClinicDirectory implements ClinicDirectory {
    private static final Logger log = LoggerFactory.getLogger(ClinicDirectory.class);

    private final ClinicConfigSource source;
    private final long ttl;
    private final long refreshAfter;
    private final long maxStale;
    private final long retryAfterError;
    private final Ticker ticker;
    private final Clock clock;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final DirectoryMetrics metrics;
    private final AsyncLoadingCache<String, Entry> cache;
    private final RedisTier redis;
    /** The last config loaded per clinic, for stale-if-error after the first-tier entry expired. */
    private final ConcurrentHashMap<String, Entry> lastGood = new ConcurrentHashMap<>();
    /** Bumped by every invalidation of a clinic: a load that raced with it keeps its side effects to itself. */
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    CaffeineClinicDirectory(ClinicDirectoryBuilder b) {
        this.source = b.source;
        this.ttl = b.ttl.toNanos();
        this.refreshAfter = b.effectiveRefreshAfter().toNanos();
        this.maxStale = b.maxStale.toNanos();
        this.retryAfterError = b.retryAfterError.toNanos();
        this.ticker = b.ticker;
        this.clock = b.clock;
        this.ownedExecutor = b.executor == null ? java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor() : null;
        this.executor = b.executor == null ? ownedExecutor : b.executor;
        this.cache = Caffeine.newBuilder()
                .maximumSize(b.maximumSize)
                .ticker(ticker)
                .executor(executor)
                .expireAfter(new EntryExpiry())
                .removalListener(this::removed)
                .buildAsync(new Loader());
        this.metrics = new DirectoryMetrics(b.registry, () -> cache.synchronous().estimatedSize());
        RedisTier tier = null;
        if (b.redisUrl != null) {
            try {
                tier = new RedisTier(b.redisUrl, b.redisKeyPrefix, b.redisChannel, b.redisTimeout, metrics, executor,
                        this::invalidatedRemotely, this::dropFirstTier);
            } catch (RuntimeException e) {
                if (ownedExecutor != null) {
                    ownedExecutor.shutdownNow();
                }
                throw e;
            }
        }
        this.redis = tier;
    }

    // ---- lookups ------------------------------------------------------------------------------

    @Override
    public ClinicConfig get(String clinicId) {
        requireClinicId(clinicId);
        CompletableFuture<Entry> f = cache.getIfPresent(clinicId);
        boolean hit = f != null && f.isDone();
        if (f == null) {
            f = cache.get(clinicId);
        }
        (hit ? metrics.hits : metrics.misses).increment();
        Entry e;
        try {
            e = f.join();
        } catch (CompletionException ex) {
            throw unexpected(clinicId, ex);
        }
        return serve(clinicId, e, hit);
    }

    @Override
    public Optional<ClinicConfig> getIfPresent(String clinicId) {
        if (clinicId == null || !ClinicConfigs.CLINIC_ID.matcher(clinicId).matches()) {
            return Optional.empty();
        }
        Entry e = cache.synchronous().getIfPresent(clinicId);
        if (e == null || e.isFailure()) {
            return Optional.empty();
        }
        // Caffeine sets a just-loaded entry's expiry a moment after its future completes: check here too
        long age = ticker.read() - e.loadedAt();
        return age > (e.failing() ? ttl + maxStale : ttl) ? Optional.empty() : Optional.of(e.config());
    }

    @Override
    public CompletableFuture<ClinicConfig> prefetch(String clinicId) {
        try {
            requireClinicId(clinicId);
        } catch (UnknownClinicException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Entry> present = cache.getIfPresent(clinicId);
        boolean hit = present != null && present.isDone();
        CompletableFuture<Entry> f = present != null ? present : cache.get(clinicId);
        (hit ? metrics.hits : metrics.misses).increment();
        CompletableFuture<ClinicConfig> out = new CompletableFuture<>();
        f.whenComplete((e, error) -> {
            try {
                if (error != null) {
                    out.completeExceptionally(unexpected(clinicId, error));
                } else {
                    out.complete(serve(clinicId, e, hit));
                }
            } catch (RuntimeException ex) {
                out.completeExceptionally(ex);
            }
        });
        return out;
    }

    private ClinicConfig serve(String clinicId, Entry e, boolean hit) {
        if (e.isFailure()) {
            log.debug("config of clinic {}: {} (remembered failure)", clinicId, e.failure().message());
            throw e.failure().toException();
        }
        long now = ticker.read();
        if (e.startRefresh(now)) {
            cache.synchronous().refresh(clinicId);
        }
        long age = now - e.loadedAt();
        ClinicConfig c = e.config();
        if (age > ttl) {
            metrics.staleServes.increment();
            log.warn("config of clinic {}: serving v{} {} s past its TTL because the source is failing (max staleness {} s)",
                    clinicId, c.version(), seconds(age - ttl), seconds(maxStale));
        }
        if (log.isDebugEnabled()) {
            log.debug("config of clinic {}: {} v{}, {} s old, {}", clinicId, hit ? "hit" : "miss", c.version(),
                    seconds(age), voice(c));
        }
        return c;
    }

    // ---- changes ------------------------------------------------------------------------------

    @Override
    public void put(ClinicConfig config) {
        ClinicConfig c = ClinicConfigs.validate(config);
        String id = c.customerId();
        bump(id);
        Entry e = Entry.fresh(c, ticker.read(), refreshAfter);
        cache.put(id, CompletableFuture.completedFuture(e));
        lastGood.put(id, e);
        log.info("config of clinic {}: v{} put, {}", id, c.version(), voice(c));
        if (redis != null) {
            redis.put(id, c, clock.instant(), Duration.ofNanos(ttl + maxStale));
            redis.publishPut(id);
        }
        notifyListeners(id, Optional.of(c));
    }

    @Override
    public void invalidate(String clinicId) {
        requireClinicId(clinicId);
        dropLocally(clinicId, "invalidated here");
        if (redis != null) {
            redis.delete(clinicId);
            redis.publishInvalidate(clinicId);
        }
    }

    @Override
    public void invalidateAll() {
        dropFirstTier();
    }

    private void dropFirstTier() {
        epoch.incrementAndGet();
        Set<String> ids = new HashSet<>(cache.synchronous().asMap().keySet());
        ids.addAll(lastGood.keySet());
        cache.synchronous().invalidateAll();
        lastGood.clear();
        metrics.invalidations.increment();
        log.info("config cache: dropped all {} clinics from the first tier", ids.size());
        ids.forEach(id -> notifyListeners(id, Optional.empty()));
    }

    /** A message on the invalidation channel (on the executor). */
    private void invalidatedRemotely(String clinicId, boolean dropShared) {
        if (dropShared && redis != null) {
            redis.delete(clinicId);
        }
        dropLocally(clinicId, dropShared ? "invalidated through Redis" : "changed on another worker");
    }

    private void dropLocally(String clinicId, String why) {
        bump(clinicId);
        cache.synchronous().invalidate(clinicId);
        lastGood.remove(clinicId);
        metrics.invalidations.increment();
        log.info("config of clinic {}: dropped ({})", clinicId, why);
        notifyListeners(clinicId, Optional.empty());
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        try {
            if (redis != null) {
                redis.close();
            }
        } finally {
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
            }
        }
    }

    /** The shared tier, or null (for tests). */
    RedisTier sharedTier() {
        return redis;
    }

    // ---- loading ------------------------------------------------------------------------------

    private final class Loader implements AsyncCacheLoader<String, Entry> {
        @Override
        public CompletableFuture<Entry> asyncLoad(String clinicId, Executor ex) {
            Stamp stamp = stamp(clinicId);
            return CompletableFuture.supplyAsync(() -> load(clinicId, null, stamp), ex);
        }

        @Override
        public CompletableFuture<Entry> asyncReload(String clinicId, Entry old, Executor ex) {
            if (old.isFailure()) {
                return asyncLoad(clinicId, ex);
            }
            Stamp stamp = stamp(clinicId);
            return CompletableFuture.supplyAsync(() -> load(clinicId, old, stamp), ex);
        }
    }

    /**
     * Loads through the tiers: a shared copy newer than {@code refresh-after}, else the source. On
     * failure: the newest copy within the allowed staleness, else a remembered failure. Never throws.
     * For a reload ({@code old != null}) returns null when the clinic is gone (Caffeine drops it).
     */
    private Entry load(String clinicId, Entry old, Stamp stamp) {
        long now = ticker.read();
        Entry shared = null;
        if (redis != null) {
            shared = redis.get(clinicId).map(s -> fromShared(s, now)).orElse(null);
            if (shared != null && now - shared.loadedAt() < refreshAfter
                    && (old == null || shared.loadedAt() - old.loadedAt() > 0)) {
                keep(clinicId, shared, stamp, false);
                if (old != null) {
                    metrics.refreshSuccess.increment();
                }
                log.info("config of clinic {}: v{} from the shared tier, {}", clinicId, shared.config().version(),
                        voice(shared.config()));
                return shared;
            }
        }
        long t0 = ticker.read();
        String outcome = "failure";
        try {
            Optional<ClinicConfig> found = source.load(clinicId);
            if (found == null || found.isEmpty()) {
                outcome = "not_found";
                return notFound(clinicId, old, stamp);
            }
            ClinicConfig c = ClinicConfigs.validate(found.get());
            if (!clinicId.equals(c.customerId())) {
                throw new IllegalStateException("the source answered with the config of another clinic");
            }
            outcome = "success";
            long loadedAt = ticker.read();
            Entry e = Entry.fresh(c, loadedAt, refreshAfter);
            keep(clinicId, e, stamp, true);
            if (old != null) {
                metrics.refreshSuccess.increment();
            }
            log.info("config of clinic {}: v{} {} from the source in {} ms, {}", clinicId, c.version(),
                    old == null ? "loaded" : "refreshed", (loadedAt - t0) / 1_000_000, voice(c));
            return e;
        } catch (Exception failure) {
            return failed(clinicId, old, shared, failure);
        } finally {
            metrics.loadTime(outcome, ticker.read() - t0);
        }
    }

    private Entry notFound(String clinicId, Entry old, Stamp stamp) {
        if (current(clinicId, stamp)) {
            lastGood.remove(clinicId);
            if (redis != null) {
                redis.delete(clinicId);
            }
        }
        log.warn("config of clinic {}: the source has no such clinic", clinicId);
        if (old != null) {
            metrics.refreshNotFound.increment();
            notifyListeners(clinicId, Optional.empty());
            return null;
        }
        return Entry.failed(new Entry.Failure(clinicId, true, "unknown clinic '" + clinicId + "'"), ticker.read());
    }

    private Entry failed(String clinicId, Entry old, Entry shared, Exception failure) {
        long now = ticker.read();
        String why = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        Entry best = newest(newest(old, lastGood.get(clinicId)), shared);
        if (old != null) {
            metrics.refreshFailure.increment();
        }
        if (best != null && now - best.loadedAt() <= ttl + maxStale) {
            log.warn("config of clinic {}: {} failed ({}); keeping v{} loaded {} s ago, retrying in {} s", clinicId,
                    old == null ? "load" : "refresh", why, best.config().version(), seconds(now - best.loadedAt()),
                    seconds(retryAfterError));
            return best.failingUntil(now + retryAfterError);
        }
        String message = "config of clinic '" + clinicId + "' is unavailable: the source failed (" + why + ")"
                + (best == null ? " and no earlier copy is at hand"
                        : " and the last good copy is " + seconds(now - best.loadedAt() - ttl)
                                + " s past its TTL (max staleness " + seconds(maxStale) + " s)");
        log.error(message);
        return Entry.failed(new Entry.Failure(clinicId, false, message), now);
    }

    private static Entry newest(Entry a, Entry b) {
        if (a == null || a.isFailure()) {
            return b == null || b.isFailure() ? null : b;
        }
        if (b == null || b.isFailure()) {
            return a;
        }
        return b.loadedAt() - a.loadedAt() > 0 ? b : a;
    }

    private Entry fromShared(RedisTier.Stored s, long now) {
        long age = Math.max(0, Duration.between(s.loadedAt(), clock.instant()).toNanos());
        return Entry.fresh(s.config(), now - age, refreshAfter);
    }

    /** Remembers a loaded config unless an invalidation raced with the load. */
    private void keep(String clinicId, Entry e, Stamp stamp, boolean writeShared) {
        if (!current(clinicId, stamp)) {
            log.debug("config of clinic {}: invalidated while loading; not remembering this copy", clinicId);
            return;
        }
        lastGood.put(clinicId, e);
        if (writeShared && redis != null) {
            redis.put(clinicId, e.config(), clock.instant(), Duration.ofNanos(ttl + maxStale));
        }
        notifyListeners(clinicId, Optional.of(e.config()));
    }

    // ---- expiry and removal -------------------------------------------------------------------

    /** Fresh configs live {@code ttl} from their load; failing ones up to {@code ttl + max-stale}; failures {@code retry-after-error}. */
    private final class EntryExpiry implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry e, long now) {
            long until;
            if (e.isFailure()) {
                until = e.loadedAt() + retryAfterError;
            } else if (e.failing()) {
                until = e.loadedAt() + ttl + maxStale;
            } else {
                until = e.loadedAt() + ttl;
            }
            return Math.max(0, until - now);
        }

        @Override
        public long expireAfterUpdate(String key, Entry e, long now, long currentDuration) {
            return expireAfterCreate(key, e, now);
        }

        @Override
        public long expireAfterRead(String key, Entry e, long now, long currentDuration) {
            return currentDuration;
        }
    }

    private void removed(String clinicId, Entry e, RemovalCause cause) {
        if (clinicId == null || e == null || !cause.wasEvicted()) {
            return;
        }
        if (!e.isFailure()) {
            (cause == RemovalCause.SIZE ? metrics.evictionsSize : metrics.evictionsExpired).increment();
            log.debug("config of clinic {}: {} from the first tier", clinicId, cause == RemovalCause.SIZE ? "evicted" : "expired");
            notifyListeners(clinicId, Optional.empty());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Stamp(long epoch, long generation) {}

    private Stamp stamp(String clinicId) {
        return new Stamp(epoch.get(), generations.getOrDefault(clinicId, 0L));
    }

    private boolean current(String clinicId, Stamp stamp) {
        return stamp.equals(stamp(clinicId));
    }

    private void bump(String clinicId) {
        generations.merge(clinicId, 1L, Long::sum);
    }

    private void notifyListeners(String clinicId, Optional<ClinicConfig> config) {
        for (Listener l : listeners) {
            try {
                l.changed(clinicId, config);
            } catch (RuntimeException e) {
                log.warn("config cache: a listener failed on clinic {}", clinicId, e);
            }
        }
    }

    private static void requireClinicId(String clinicId) {
        if (clinicId == null || !ClinicConfigs.CLINIC_ID.matcher(clinicId).matches()) {
            throw new UnknownClinicException(LogSafe.preview(clinicId),
                    "not a clinic id: '" + LogSafe.preview(clinicId) + "' (lower-case letters, digits, '-', '_')");
        }
    }

    private static RuntimeException unexpected(String clinicId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RuntimeException r && (r instanceof UnknownClinicException || r instanceof ConfigUnavailableException)) {
            return r;
        }
        return new ConfigUnavailableException(clinicId, "config of clinic '" + clinicId + "' is unavailable: " + cause);
    }

    static String voice(ClinicConfig c) {
        return c.voiceIfSet().map(v -> "voice '" + v.voiceId() + "'").orElse("default voice");
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
