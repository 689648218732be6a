package dev.vocadent.core.cache;

import dev.vocadent.core.config.ClinicConfig;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the first tier holds per clinic: a config with its load time, or a remembered failure.
 * Times are {@link com.github.benmanes.caffeine.cache.Ticker} nanos. Immutable but for the
 * once-only "refresh started" flag: a reload replaces the entry, so each entry starts at most one.
 */
final class Entry {
    private final ClinicConfig config;
    private final long loadedAt;
    private final long refreshAt;
    private final boolean failing;
    private final Failure failure;
    private final AtomicBoolean refreshStarted = new AtomicBoolean();

    /**
     * @param config    the config; null for a failure entry
     * @param loadedAt  when the config was loaded from the source (the TTL counts from here)
     * @param refreshAt when a lookup should start a background reload
     * @param failing   true when the last attempt to reload failed (the config may be served past its TTL)
     * @param failure   for a failure entry: what to throw until it expires
     */
    private Entry(ClinicConfig config, long loadedAt, long refreshAt, boolean failing, Failure failure) {
        this.config = config;
        this.loadedAt = loadedAt;
        this.refreshAt = refreshAt;
        this.failing = failing;
        this.failure = failure;
    }

    static Entry fresh(ClinicConfig config, long loadedAt, long refreshAfterNanos) {
        return new Entry(config, loadedAt, loadedAt + refreshAfterNanos, false, null);
    }

    static Entry failed(Failure failure, long now) {
        return new Entry(null, now, Long.MAX_VALUE, true, failure);
    }

    /** The same config, marked as failing to reload; next attempt at {@code retryAt}. */
    Entry failingUntil(long retryAt) {
        return new Entry(config, loadedAt, retryAt, true, null);
    }

    ClinicConfig config() {
        return config;
    }

    long loadedAt() {
        return loadedAt;
    }

    long refreshAt() {
        return refreshAt;
    }

    boolean failing() {
        return failing;
    }

    Failure failure() {
        return failure;
    }

    boolean isFailure() {
        return failure != null;
    }

    /** True once: when the caller should start this entry's reload. */
    boolean startRefresh(long now) {
        return now - refreshAt >= 0 && !refreshStarted.get() && refreshStarted.compareAndSet(false, true);
    }

    /** A remembered failure: unknown clinic, or config unavailable. */
    record Failure(String clinicId, boolean unknown, String message) {
        RuntimeException toException() {
            return unknown
                    ? new UnknownClinicException(clinicId, message)
                    : new ConfigUnavailableException(clinicId, message);
        }
    }
}
