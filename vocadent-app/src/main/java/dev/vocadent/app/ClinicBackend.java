package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The backend a {@code chat} or {@code call} talks to, with the clinic's config loaded: a running
 * backend ({@code --backend-url} + token) or, by default, the in-process demo backend. Options are
 * checked by {@link #check} before anything starts.
 */
final class ClinicBackend implements AutoCloseable {
    private final EmbeddedBackend embedded;
    private final HttpBackendClient client;
    private final ClinicConfig config;

    private ClinicBackend(EmbeddedBackend embedded, HttpBackendClient client, ClinicConfig config) {
        this.embedded = embedded;
        this.client = client;
        this.config = config;
    }

    /** Validates the options; returns the backend URL (null → in-process demo backend). */
    static URI check(String clinic, String backendUrl, String token) {
        if (backendUrl == null && !clinic.equals(DemoClinics.WESTBURY) && !clinic.equals(DemoClinics.DENTAL2)) {
            throw new UserError("unknown clinic '" + clinic + "' (the demo backend has: westbury, dental2)");
        }
        URI url = backendUrl == null ? null : uri(backendUrl);
        if (url != null && (token(token) == null || token(token).isBlank())) {
            throw new UserError("--backend-url needs the clinic's token: --token or VOCADENT_BACKEND_TOKEN");
        }
        return url;
    }

    /** Opens the backend (starting the demo one when {@code url} is null) and loads the clinic. */
    static ClinicBackend open(String clinic, URI url, String token, Path dataDir, Clock clock, Config settings) {
        EmbeddedBackend embedded = null;
        HttpBackendClient backend = null;
        try {
            if (url == null) {
                embedded = EmbeddedBackend.startDemo(dataDir != null ? dataDir : Path.of(settings.getString("data-dir")), clock);
                backend = HttpBackendClient.create(embedded.baseUrl(), clinic, DemoClinics.tokenOf(clinic));
            } else {
                backend = HttpBackendClient.create(url, clinic, token(token));
            }
            return new ClinicBackend(embedded, backend, load(backend, clinic));
        } catch (RuntimeException e) {
            if (backend != null) {
                backend.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    HttpBackendClient client() {
        return client;
    }

    ClinicConfig config() {
        return config;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String token(String option) {
        return option != null ? option : System.getenv("VOCADENT_BACKEND_TOKEN");
    }

    private static ClinicConfig load(HttpBackendClient backend, String clinic) {
        try {
            return backend.customerConfig();
        } catch (BackendException e) {
            if (e.isNotFound()) {
                throw new UserError("unknown clinic '" + clinic + "'");
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new UserError("the backend refused the token for clinic '" + clinic + "'");
            }
            throw new UserError("cannot load clinic '" + clinic + "' from the backend: " + e.getMessage(), 1);
        }
    }

    private static URI uri(String raw) {
        try {
            URI u = new URI(raw);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new UserError("--backend-url must be an http(s) URL, got '" + raw + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new UserError("--backend-url must be an http(s) URL, got '" + raw + "'");
        }
    }
}
