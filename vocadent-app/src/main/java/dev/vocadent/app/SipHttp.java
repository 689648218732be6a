package dev.vocadent.app;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The SIP worker's own HTTP port, as the LiveKit worker has one: {@code /healthz} (process up: the
 * container health check), {@code /readyz} (listening, not shutting down and below {@code --max-calls}:
 * 503 otherwise) and {@code /metrics} (Prometheus: turn latency, pacing, post-call deliveries, JVM).
 */
final class SipHttp implements AutoCloseable {
    private final Javalin app;

    SipHttp(IntSupplier activeCalls, int maxCalls, BooleanSupplier stopping, PrometheusMeterRegistry metrics) {
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.get("/healthz", ctx -> ctx.result("ok"));
        app.get("/readyz", ctx -> {
            String why = stopping.getAsBoolean() ? "shutting down"
                    : activeCalls.getAsInt() >= maxCalls ? "at capacity (" + maxCalls + " calls)" : null;
            ctx.status(why == null ? 200 : 503).result(why == null ? "ready" : why);
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
    }

    /** Starts listening; {@code port} 0 picks a free one. A port in use is a one-line {@link UserError}. */
    SipHttp start(String host, int port) {
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new UserError("cannot serve /healthz and /metrics on " + host + ":" + port + " (--health-port): "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), 1);
        }
        return this;
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
