package dev.vocadent.app;

import dev.vocadent.backend.BackendOptions;
import dev.vocadent.backend.BackendServer;
import dev.vocadent.core.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocadent backend [--port N] [--demo]}: the clinic backend REST service. */
@Command(name = "backend", mixinStandardHelpOptions = true,
        description = {"Run the clinic backend (REST + PostgreSQL).",
            "Embedded PostgreSQL under <data-dir>/pg unless VOCADENT_DB_URL is set; admin token from VOCADENT_ADMIN_TOKEN."})
final class BackendCommand implements Runnable {
    @Option(names = "--port", description = "Port to listen on (default: vocadent.backend.port, 8080; 0 = any free port).")
    Integer port;

    @Option(names = "--demo", description = "Seed the demo clinics westbury and dental2 and accept the demo tokens.")
    boolean demo;

    @Override
    public void run() {
        BackendOptions options = BackendOptions.fromSettings(Settings.load()).withDemo(demo);
        if (port != null) {
            options = options.withPort(port);
        }
        BackendServer server = ServerLifecycle.start(options);
        System.out.println("vocadent backend listening on " + server.baseUrl()
                + (options.db().isEmbedded() ? " (embedded PostgreSQL, data in " + options.db().embeddedDir() + ")" : " (PostgreSQL from VOCADENT_DB_URL)")
                + (demo ? "; demo tokens: demo-westbury-token, demo-dental2-token, demo-admin-token" : ""));
        if (!demo && options.adminToken() == null) {
            System.out.println("admin endpoints are disabled: set VOCADENT_ADMIN_TOKEN to enable them");
        }
        System.out.flush();
        ServerLifecycle.serveUntilStopped(server);
    }
}
