package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.backend.BackendOptions;
import dev.vocadent.backend.BackendServer;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.telephony.sip.SipServer;
import dev.vocadent.telephony.sip.SipServerConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vocadent demo}: the backend with the demo clinics and the SIP voice agent in one process on
 * loopback, one demo phone call placed by a synthetic caller ({@link DemoCall}), then serving softphone
 * calls until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the demo backend (embedded PostgreSQL, demo clinics) and the SIP voice",
                "agent on 127.0.0.1, place one demo call to westbury with a synthetic caller",
                "(espeak-ng over SIP/RTP, G.711), print the live transcript, the booking, the",
                "Slack message and the stored files, then answer softphone calls until Ctrl-C.",
                "Offline (pocketsphinx, espeak-ng, rule brain) unless provider keys are set."})
final class DemoCommand implements Runnable {
    static final String WESTBURY_DID = "+441632960001";
    static final String DENTAL2_DID = "+441632960002";
    static final int DEFAULT_SIP_PORT = 5060;

    @Option(names = "--port", description = "Backend HTTP port (default: vocadent.backend.port, 8080; 0 = any free port).")
    Integer port;

    @Option(names = "--sip-port", description = "SIP port on 127.0.0.1, UDP and TCP (default: 5060, or a free port when 5060 is taken; 0 = any free port).")
    Integer sipPort;

    @Option(names = "--no-call", description = "Do not place the demo call; just serve.")
    boolean noCall;

    private final Supplier<Config> settings;
    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);
    /** The demo call's final state (null until it ended, or when it failed) and the backend's URL: for tests. */
    volatile dev.vocadent.core.state.CallState demoCall;
    volatile URI backendUrl;

    DemoCommand() {
        this(Settings::load, System.out);
    }

    /** For tests: the settings (e.g. a temporary data-dir) and where to print. */
    DemoCommand(Supplier<Config> settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    @Override
    public void run() {
        Config config = settings.get();
        int sip = sipPort(config);
        BackendOptions options = BackendOptions.fromSettings(config).withDemo(true);
        if (port != null) {
            options = options.withPort(port);
        }
        BackendServer backend = ServerLifecycle.start(options);
        backendUrl = backend.baseUrl();
        AgentRuntime agent;
        try {
            agent = AgentRuntime.overDemoBackend(config, backend, backend.baseUrl(), "auto", Clock.systemUTC());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        SipServer server = startSip(config, agent, sip);
        DemoWatch watch = new DemoWatch(out, Duration.ofSeconds(10));
        agent.watch(watch);
        Runnable shutdown = () -> {
            server.close();
            agent.close();
        };
        Thread hook = new Thread(() -> {
            stop.countDown();
            shutdown.run();
        }, "vocadent-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String address = "sip:" + WESTBURY_DID + "@127.0.0.1:" + server.port();
        out.println("Vocadent demo: backend " + backend.baseUrl() + ", SIP 127.0.0.1:" + server.port() + " (UDP, TCP)");
        out.println("Call westbury from a softphone: " + address + "  (dental2: sip:" + DENTAL2_DID + "@127.0.0.1:" + server.port() + ")");
        out.flush();
        try {
            if (!noCall) {
                demoCall = new DemoCall(out, watch, config).place(server.port(), WESTBURY_DID);
            }
            if (stop.getCount() == 0) {
                return; // Ctrl-C during the demo call
            }
            out.println();
            out.print(instructions(backend.baseUrl(), options));
            out.println("Serving calls to " + address + " until Ctrl-C.");
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                shutdown.run(); // stopped from a test, or the demo call failed
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hook closes everything
            }
        }
    }

    /** Stops a running demo (tests; Ctrl-C does the same). */
    void stop() {
        stop.countDown();
    }

    /** The SIP port: --sip-port (must be free), else 5060 when free, else any free port. */
    private int sipPort(Config config) {
        if (sipPort != null) {
            if (sipPort < 0 || sipPort > 65535) {
                throw new UserError("--sip-port must be 0-65535, got: " + sipPort);
            }
            if (sipPort != 0 && !PortProbe.free("127.0.0.1", sipPort)) {
                throw new UserError("SIP port " + sipPort + " on 127.0.0.1 is already in use; stop the other process or pick another with --sip-port N");
            }
            return sipPort;
        }
        return PortProbe.free("127.0.0.1", DEFAULT_SIP_PORT) ? DEFAULT_SIP_PORT : 0;
    }

    private static SipServer startSip(Config config, AgentRuntime agent, int port) {
        SipCommand flags = new SipCommand();
        flags.bind = "127.0.0.1:" + port;
        Config sip = config.getConfig("sip");
        SipServerConfig sipConfig;
        SipServer server;
        try {
            sipConfig = flags.config(sip);
            server = new SipServer(sipConfig, agent.didRouter(), agent.lookup(), agent.sipHandler(), Clock.systemUTC());
            agent.recordCalls(server, Path.of(sip.getString("recordings-dir")), sip.getBoolean("record-stereo"));
            server.start();
        } catch (UserError e) {
            agent.close();
            throw e;
        } catch (Exception e) {
            agent.close();
            throw new UserError("cannot listen for SIP on 127.0.0.1:" + port + ": " + e.getMessage() + "; pick another with --sip-port N");
        }
        return server;
    }

    /** Where the backend is, the demo tokens, and curl lines that work as printed. */
    static String instructions(URI base, BackendOptions options) {
        String slotId = firstFreeSlot(base).map(Slot::slotId).orElse("<no free slot: pick one from check-availability>");
        String auth = " -H 'Authorization: Bearer " + DemoClinics.WESTBURY_TOKEN + "'";
        String json = " -H 'Content-Type: application/json'";
        StringBuilder b = new StringBuilder();
        b.append("Backend listening on ").append(base).append('\n');
        b.append(options.db().isEmbedded() ? "Data: embedded PostgreSQL in " + options.db().embeddedDir() + " (bookings survive restarts)\n"
                : "Data: PostgreSQL from VOCADENT_DB_URL\n");
        b.append("Demo tokens: westbury = ").append(DemoClinics.WESTBURY_TOKEN).append(", dental2 = ").append(DemoClinics.DENTAL2_TOKEN)
                .append(", admin = ").append(DemoClinics.ADMIN_TOKEN).append('\n');
        b.append("API description: ").append(base).append("/openapi.json\n");
        b.append("Try it:\n");
        b.append("  curl -s ").append(base).append("/customer-config/westbury").append(auth).append('\n');
        b.append("  curl -s -X POST ").append(base).append("/check-availability").append(auth).append(json)
                .append(" -d '{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"preferred_doctor_id\":\"ANY-PROVIDER\",\"limit\":3}'\n");
        b.append("  curl -s -X POST ").append(base).append("/book-appointment").append(auth).append(json)
                .append(" -H 'Idempotency-Key: demo-").append(slotId.replaceAll("[^A-Za-z0-9-]", "-")).append("'")
                .append(" -d '{\"slot_id\":\"").append(slotId)
                .append("\",\"patient\":{\"name\":\"Alex Morgan\",\"phone\":\"+447700900123\",\"date_of_birth\":\"1985-04-12\"},")
                .append("\"booking_type\":\"nhs\",\"consultation_type\":\"check-up\",\"patient_type\":\"new\",\"relationship\":\"self\",")
                .append("\"call_session_id\":\"demo-call-1\"}'\n");
        b.append("  curl -s ").append(base).append("/metrics | grep vocadent_http\n");
        return b.toString();
    }

    private static java.util.Optional<Slot> firstFreeSlot(URI base) {
        try (HttpBackendClient c = HttpBackendClient.create(base, DemoClinics.WESTBURY, DemoClinics.WESTBURY_TOKEN)) {
            List<Slot> s = c.checkAvailability(new AvailabilityRequest("check-up", null, BookingType.NHS,
                    AvailabilityRequest.ANY_PROVIDER, null, null, null, 1)).slots();
            return s.stream().findFirst();
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // the backend is stopping: the line says to pick a slot
        }
    }
}
