package dev.vocadent.core.cache;

import dev.vocadent.core.config.ClinicConfig;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The clinics' configurations, cached (the seed's ConfigCache, done properly). Build one with
 * {@link #builder(ClinicConfigSource)}; share it across all calls of a worker.
 *
 * <ul>
 *   <li><b>TTL</b>: a config is served for {@code ttl} (default 300 s) after it was loaded.
 *   <li><b>Refresh-ahead</b>: a lookup after {@code refresh-after} (default 80 % of the TTL) starts a
 *       reload in the background; callers keep getting the current config until the new one is in.
 *   <li><b>Single flight</b>: however many callers ask for a clinic that is not loaded, the source
 *       is asked once.
 *   <li><b>Stale-if-error</b>: when the source fails, the last good config is served (counted and
 *       logged) until it is {@code max-stale} past its TTL; after that lookups fail with
 *       {@link ConfigUnavailableException}. Failures are retried at most every
 *       {@code retry-after-error}.
 *   <li><b>Shared tier</b> (optional, Redis): configs are shared between workers, and
 *       {@link #invalidate} reaches every worker through Redis pub/sub.
 * </ul>
 */
public interface ClinicDirectory extends AutoCloseable {

    /** A builder with the documented defaults. */
    static ClinicDirectoryBuilder builder(ClinicConfigSource source) {
        return new ClinicDirectoryBuilder(source);
    }

    /**
     * The config of a clinic, from the cache or loaded now (blocking this caller only).
     *
     * @throws UnknownClinicException     not a clinic id, or the source has no such clinic
     * @throws ConfigUnavailableException the source failed and no copy fresh enough is at hand
     */
    ClinicConfig get(String clinicId);

    /** The config if this directory holds one now (fresh or still within its allowed staleness); never loads. */
    Optional<ClinicConfig> getIfPresent(String clinicId);

    /**
     * Starts loading a clinic's config (if not cached) and returns at once, so a transport can load
     * while it answers. The future completes with the config, or exceptionally with the exceptions of
     * {@link #get}. Cancelling the future does not cancel the load.
     */
    CompletableFuture<ClinicConfig> prefetch(String clinicId);

    /**
     * Stores a config (validated first; an invalid one throws and changes nothing) in this directory
     * and the shared tier; other workers drop their copy and read the new one from the shared tier.
     */
    void put(ClinicConfig config);

    /** Drops a clinic from this directory and the shared tier, and tells every other worker to drop it. */
    void invalidate(String clinicId);

    /** Drops every clinic from this directory (this worker only; the shared tier is left alone). */
    void invalidateAll();

    /** Registers a listener for config changes of this directory (used by the DID index). */
    void addListener(Listener listener);

    /** Closes the shared tier's connections and the loader threads this directory started. */
    @Override
    void close();

    /** Told when a clinic's config changes in this directory. Must be quick and must not throw. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param clinicId the clinic
         * @param config   the new config (loaded, refreshed or put), or empty when the clinic was
         *                 dropped (invalidated, expired or evicted)
         */
        void changed(String clinicId, Optional<ClinicConfig> config);
    }
}
