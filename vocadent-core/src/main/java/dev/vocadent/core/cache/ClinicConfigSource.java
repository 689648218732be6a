package dev.vocadent.core.cache;

import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.config.ClinicConfig;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a {@link ClinicDirectory} loads a clinic's configuration from (the backend, in production).
 * Called on the directory's loader threads, at most once at a time per clinic.
 */
@FunctionalInterface
public interface ClinicConfigSource {
    /**
     * Loads a clinic's config.
     *
     * @return the config, or {@link Optional#empty()} when the source has no such clinic
     * @throws Exception when the source could not answer (unreachable, 5xx, timeout…); the
     *     directory then serves the last good copy if it is not too stale
     */
    Optional<ClinicConfig> load(String clinicId) throws Exception;

    /**
     * A source over the backend: {@code GET /customer-config/{clinic}} through the clinic's own
     * {@link BackendClient} (each client is bound to one clinic's token). A 404 from the backend, or
     * no client for the clinic ({@code clientFor} returns null), means "no such clinic".
     */
    static ClinicConfigSource backend(Function<String, BackendClient> clientFor) {
        return new BackendConfigSource(clientFor);
    }
}
