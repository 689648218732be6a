package dev.vocadent.backend;

import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A backend with demo data on an embedded PostgreSQL (data under {@code dataDir/pg}) and an
 * ephemeral loopback port: for the chat command, demos and other modules' tests.
 * Tokens: {@link DemoClinics#WESTBURY_TOKEN}, {@link DemoClinics#DENTAL2_TOKEN}, {@link DemoClinics#ADMIN_TOKEN}.
 */
public final class EmbeddedBackend implements AutoCloseable {
    private final BackendServer server;

    private EmbeddedBackend(BackendServer server) {
        this.server = server;
    }

    public static EmbeddedBackend startDemo(Path dataDir, Clock clock) {
        return new EmbeddedBackend(BackendServer.start(BackendOptions.local(dataDir, clock).withDemo(true)));
    }

    /** Starts any configuration (e.g. a fixed port, or a real database). */
    public static EmbeddedBackend start(BackendOptions options) {
        return new EmbeddedBackend(BackendServer.start(options));
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** A client of a demo clinic ({@code westbury} or {@code dental2}) with its demo token. */
    public HttpBackendClient client(String demoClinicId) {
        return HttpBackendClient.create(baseUrl(), demoClinicId, DemoClinics.tokenOf(demoClinicId));
    }

    public BackendServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
