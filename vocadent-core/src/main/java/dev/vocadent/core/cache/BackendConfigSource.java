package dev.vocadent.core.cache;

import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.config.ClinicConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@link ClinicConfigSource#backend}: one {@link BackendClient} per clinic, 404 → not found. */
final class BackendConfigSource implements ClinicConfigSource {
    private final Function<String, BackendClient> clientFor;

    BackendConfigSource(Function<String, BackendClient> clientFor) {
        this.clientFor = Objects.requireNonNull(clientFor, "clientFor");
    }

    @Override
    public Optional<ClinicConfig> load(String clinicId) {
        BackendClient client = clientFor.apply(clinicId);
        if (client == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.customerConfig());
        } catch (BackendException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
