package dev.vocadent.backend;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@code /healthz}, {@code /metrics} (Prometheus) and {@code /openapi.json}: no token needed. */
final class OpsRoutes {
    private final Jdbi jdbi;
    private final PrometheusMeterRegistry registry;
    private final byte[] openapi;

    OpsRoutes(Jdbi jdbi, PrometheusMeterRegistry registry) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.openapi = openapi();
    }

    void register(Routes r) {
        r.get("/healthz", this::health);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
    }

    private void health(Context ctx) {
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            Routes.json(ctx, 200, Map.of("status", "ok"));
        } catch (RuntimeException e) {
            Routes.json(ctx, 503, Map.of("status", "database unavailable"));
        }
    }

    static byte[] openapi() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream("/vocadent-backend/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
