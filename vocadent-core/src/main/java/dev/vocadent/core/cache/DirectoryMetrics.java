package dev.vocadent.core.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The directory's Micrometer meters (names start with {@code vocadent.config.cache}). */
final class DirectoryMetrics {
    static final String PREFIX = "vocadent.config.cache";

    final Counter hits;
    final Counter misses;
    final Counter staleServes;
    final Counter refreshSuccess;
    final Counter refreshFailure;
    final Counter refreshNotFound;
    final Counter evictionsExpired;
    final Counter evictionsSize;
    final Counter sharedHits;
    final Counter sharedMisses;
    final Counter sharedErrors;
    final Counter invalidations;
    private final Timer loadSuccess;
    private final Timer loadNotFound;
    private final Timer loadFailure;

    DirectoryMetrics(MeterRegistry r, Supplier<Number> size) {
        hits = Counter.builder(PREFIX + ".gets").tag("result", "hit").description("lookups answered from the cache").register(r);
        misses = Counter.builder(PREFIX + ".gets").tag("result", "miss").description("lookups that waited for a load").register(r);
        staleServes = Counter.builder(PREFIX + ".stale.serves").description("configs served past their TTL because the source failed").register(r);
        refreshSuccess = refresh(r, "success");
        refreshFailure = refresh(r, "failure");
        refreshNotFound = refresh(r, "not_found");
        evictionsExpired = Counter.builder(PREFIX + ".evictions").tag("cause", "expired").register(r);
        evictionsSize = Counter.builder(PREFIX + ".evictions").tag("cause", "size").register(r);
        sharedHits = shared(r, "hit");
        sharedMisses = shared(r, "miss");
        sharedErrors = shared(r, "error");
        invalidations = Counter.builder(PREFIX + ".invalidations").register(r);
        loadSuccess = load(r, "success");
        loadNotFound = load(r, "not_found");
        loadFailure = load(r, "failure");
        Gauge.builder(PREFIX + ".size", size, s -> s.get().doubleValue()).strongReference(true)
                .description("clinics in the first tier").register(r);
    }

    void loadTime(String outcome, long nanos) {
        Timer t = switch (outcome) {
            case "success" -> loadSuccess;
            case "not_found" -> loadNotFound;
            default -> loadFailure;
        };
        t.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private static Counter refresh(MeterRegistry r, String outcome) {
        return Counter.builder(PREFIX + ".refreshes").tag("outcome", outcome).description("background reloads").register(r);
    }

    private static Counter shared(MeterRegistry r, String result) {
        return Counter.builder(PREFIX + ".shared").tag("result", result).description("shared (Redis) tier reads").register(r);
    }

    private static Timer load(MeterRegistry r, String outcome) {
        return Timer.builder(PREFIX + ".loads").tag("outcome", outcome).description("loads from the config source").register(r);
    }
}
