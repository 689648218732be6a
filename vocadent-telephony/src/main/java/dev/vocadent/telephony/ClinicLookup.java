package dev.vocadent.telephony;

import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.config.ClinicConfig;
import java.util.concurrent.CompletableFuture;

/**
 * Loads a clinic's config. Called when the 180 Ringing goes out so the config is ready by answer
 * time; a future that fails (or completes with null) turns the call away with 480.
 */
@FunctionalInterface
public interface ClinicLookup {
    CompletableFuture<ClinicConfig> lookup(String clinicId);

    /** vocadent-core's config cache: {@link ClinicDirectory#prefetch} starts the load and returns at once. */
    static ClinicLookup of(ClinicDirectory directory) {
        return directory::prefetch;
    }
}
