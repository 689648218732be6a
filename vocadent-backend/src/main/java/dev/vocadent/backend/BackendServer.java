package dev.vocadent.backend;

import dev.vocadent.core.api.ApiError;
import dev.vocadent.core.demo.DemoClinics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend REST service: Javalin over PostgreSQL. {@link #start} opens the database (embedded or
 * real), migrates it, seeds demo data when asked, and listens; {@link #close} stops everything.
 */
public final class BackendServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);
    private static final String STARTED = "vocadent.started";

    /** The port is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final BackendOptions options;
    private final Database db;
    private final Javalin app;
    private final ConfigPublisher publisher;
    private final Routes routes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BackendServer(BackendOptions options, Database db, Javalin app, ConfigPublisher publisher, Routes routes) {
        this.options = options;
        this.db = db;
        this.app = app;
        this.publisher = publisher;
        this.routes = routes;
    }

    public static BackendServer start(BackendOptions o) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        Database db = Database.open(o.db(), registry);
        ConfigPublisher publisher = o.redisUrl() == null ? ConfigPublisher.none() : new RedisConfigPublisher(o.redisUrl());
        try {
            var jdbi = db.jdbi();
            ClinicRepository clinics = new ClinicRepository(jdbi);
            if (o.demo()) {
                DemoSeeder.seed(clinics);
            } else {
                int removed = clinics.removeDemoTokens();
                if (removed > 0) {
                    LOG.info("demo tokens disabled (not in demo mode)");
                }
            }
            List<String> adminTokens = new ArrayList<>();
            adminTokens.add(o.adminToken());
            if (o.demo()) {
                adminTokens.add(DemoClinics.ADMIN_TOKEN);
            }
            Auth auth = new Auth(clinics, adminTokens);
            BookingRepository bookings = new BookingRepository(jdbi);
            PatientRepository patients = new PatientRepository();
            Javalin app = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                cfg.useVirtualThreads = true;
                cfg.http.maxRequestSize = Math.max(o.maxBodyBytes() * 2L, 1_000_000L);
                cfg.startupWatcherEnabled = false;
            });
            Routes routes = new Routes(app);
            new ClinicRoutes(clinics, new AvailabilityService(bookings, o.clock(), o.horizonDays()), o.maxBodyBytes()).register(routes);
            new BookingRoutes(clinics, new BookingService(jdbi, bookings, patients, o.clock(), o.horizonDays()), o.maxBodyBytes()).register(routes);
            new PatientRoutes(jdbi, clinics, patients, new RequestRepository(jdbi), o.clock(), o.maxBodyBytes()).register(routes);
            new CallRoutes(clinics, new CallRepository(jdbi), o.clock(), o.maxBodyBytes()).register(routes);
            new AdminRoutes(clinics, publisher, o.maxBodyBytes()).register(routes);
            new OpsRoutes(jdbi, registry).register(routes);
            app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            app.before(auth::authenticate);
            app.after(ctx -> record(registry, ctx));
            app.exception(ApiException.class, (e, ctx) -> {
                if (e.status() == 401) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                Routes.json(ctx, e.status(), e.error());
            });
            app.exception(HttpResponseException.class, (e, ctx) -> Routes.json(ctx, e.getStatus(), new ApiError(switch (e.getStatus()) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 413 -> "payload_too_large";
                default -> e.getStatus() >= 500 ? "internal" : "bad_request";
            }, e.getStatus() == 404 ? "no such endpoint: " + ctx.method() + " " + ctx.path() : e.getMessage(), null)));
            app.exception(Exception.class, (e, ctx) -> {
                if (isPoolTimeout(e)) {
                    // overloaded: no database connection came free in time; shed the request, the client may retry
                    ctx.header("Retry-After", "1");
                    Routes.json(ctx, 503, new ApiError("unavailable", "the backend is busy; try again shortly", null));
                    return;
                }
                LOG.error("{} {} failed: {}", ctx.method(), safeRoute(ctx), e.getClass().getName());
                LOG.debug("failure detail", e);
                Routes.json(ctx, 500, new ApiError("internal", "internal error", null));
            });
            app.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    Routes.json(ctx, 404, new ApiError("not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), null));
                }
            });
            try {
                app.start(o.host(), o.port());
            } catch (RuntimeException e) {
                if (isBind(e)) {
                    throw new PortInUseException("port " + o.port() + " on " + o.host() + " is already in use", e);
                }
                throw e;
            }
            return new BackendServer(o, db, app, publisher, routes);
        } catch (RuntimeException e) {
            publisher.close();
            db.close();
            throw e;
        }
    }

    private static boolean isPoolTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().contains("BindException")) {
                return true;
            }
        }
        return false;
    }

    private static void record(PrometheusMeterRegistry registry, Context ctx) {
        Long t0 = ctx.attribute(STARTED);
        if (t0 == null) {
            return;
        }
        Timer.builder("vocadent.http.requests")
                .description("backend requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", safeRoute(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }

    private static String safeRoute(Context ctx) {
        try {
            String p = ctx.endpointHandlerPath();
            return p == null || p.isEmpty() || "*".equals(p) ? "unmatched" : p;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    public int port() {
        return app.port();
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUrl() {
        return URI.create("http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":" + port());
    }

    public BackendOptions options() {
        return options;
    }

    List<Routes.Route> routes() {
        return routes.all();
    }

    Database database() {
        return db;
    }

    /** Stops listening, then closes the pool and (if embedded) PostgreSQL. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            app.stop();
        } finally {
            try {
                publisher.close();
            } finally {
                db.close();
            }
        }
    }
}
