package dev.vocadent.app;

import dev.vocadent.backend.BackendOptions;
import dev.vocadent.backend.BackendServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;

/** Starting the backend for a command and keeping it up until Ctrl-C / SIGTERM. */
final class ServerLifecycle {
    private ServerLifecycle() {}

    /** Starts the server; a taken port is a one-line {@link UserError} (exit 2), checked before the database starts. */
    static BackendServer start(BackendOptions options) {
        if (options.port() != 0) {
            try (ServerSocket probe = new ServerSocket(options.port(), 1, InetAddress.getByName(options.host()))) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new UserError("port " + options.port() + " on " + options.host()
                        + " is already in use; stop the other process or pick another with --port N (or VOCADENT_PORT)");
            }
        }
        try {
            return BackendServer.start(options);
        } catch (BackendServer.PortInUseException e) {
            throw new UserError(e.getMessage() + "; pick another with --port N (or VOCADENT_PORT)");
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage() + " (is another vocadent using this data directory? set VOCADENT_DATA_DIR)", 1);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("cannot ")) {
                throw new UserError(e.getMessage(), 1);
            }
            throw e;
        }
    }

    /** Blocks until the JVM is asked to stop, then closes Javalin, the pool and embedded PostgreSQL (in that order). */
    static void serveUntilStopped(BackendServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "vocadent-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }
}
