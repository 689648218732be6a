package dev.vocadent.backend;

import dev.vocadent.core.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** Registers endpoints on Javalin and remembers them (the OpenAPI test checks each one is documented). */
final class Routes {
    /** One registered endpoint, e.g. {@code post /book-appointment}. */
    record Route(String method, String path) {}

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    Routes(Javalin app) {
        this.app = app;
    }

    void get(String path, Handler h) {
        add(HandlerType.GET, path, h);
    }

    void post(String path, Handler h) {
        add(HandlerType.POST, path, h);
    }

    void put(String path, Handler h) {
        add(HandlerType.PUT, path, h);
    }

    void delete(String path, Handler h) {
        add(HandlerType.DELETE, path, h);
    }

    private void add(HandlerType type, String path, Handler h) {
        app.addHttpHandler(type, path, h);
        routes.add(new Route(type.name().toLowerCase(java.util.Locale.ROOT), path));
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
