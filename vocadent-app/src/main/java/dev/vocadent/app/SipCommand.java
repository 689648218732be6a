package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.telephony.ClinicLookup;
import dev.vocadent.telephony.ToneEchoHandler;
import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.telephony.routing.DidRouter;
import dev.vocadent.telephony.rtp.RtpPortAllocator;
import dev.vocadent.telephony.sip.SipServer;
import dev.vocadent.telephony.sip.SipServerConfig;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vocadent sip}: the SIP/RTP front door. Answers calls to the demo clinics' numbers; until
 * the agent is wired in, calls are answered by the tone/echo handler.
 */
@Command(name = "sip", mixinStandardHelpOptions = true,
        description = "Answer phone calls over SIP (UDP and TCP) with G.711 RTP.")
final class SipCommand implements Runnable {
    @Option(names = "--bind", paramLabel = "HOST:PORT", description = "SIP address to listen on (default: vocadent.sip.bind)")
    String bind;

    @Option(names = "--rtp-ports", paramLabel = "A-B", description = "RTP port range (default: vocadent.sip.rtp-ports)")
    String rtpPorts;

    @Option(names = "--max-calls", paramLabel = "N", description = "Calls at once; more get 503 (default: vocadent.sip.max-calls)")
    Integer maxCalls;

    @Option(names = "--echo", description = "Answer with a tone, then echo the caller (checks a trunk's audio; no agent).")
    boolean echo;

    @Option(names = "--demo", description = "Agent calls use the in-process demo backend and its clinics (westbury, dental2).")
    boolean demo;

    @Option(names = "--backend-url", description = "A running backend (tokens from VOCADENT_TOKEN_<CLINIC>; clinics from vocadent.clinics).")
    String backendUrl;

    @Option(names = "--brain", defaultValue = "auto",
            description = "auto, offline or openai (default: ${DEFAULT-VALUE}: openai when an LLM key is set, else offline).")
    String brainName;

    @Option(names = "--health-port", paramLabel = "N", defaultValue = "${env:VOCADENT_HEALTH_PORT:-8082}",
            description = "Port of /healthz, /readyz and /metrics (default: ${DEFAULT-VALUE}; 0 = any free port, -1 = none).")
    int healthPort;

    @Override
    public void run() {
        if (healthPort < -1 || healthPort > 65535) {
            throw new UserError("--health-port must be 0-65535, or -1 for none, got: " + healthPort);
        }
        Config settings = Settings.load();
        Config sip = settings.getConfig("sip");
        SipServerConfig config = config(sip);
        if (!echo) {
            BrainFactory.check(brainName);
            if (demo == (backendUrl != null)) {
                throw new UserError("vocadent sip needs --demo or --backend-url URL (or --echo for the tone/echo test handler)");
            }
            runAgent(settings, sip, config);
            return;
        }
        Map<String, ClinicConfig> clinics = DemoClinics.all().stream()
                .collect(Collectors.toMap(ClinicConfig::customerId, Function.identity()));
        ClinicDirectory directory = ClinicDirectory.builder(id -> Optional.ofNullable(clinics.get(id))).build();
        TenantRouter router = TenantRouter.builder(directory).servedClinics(List.copyOf(clinics.keySet())).build();
        router.warmUp().join();
        SipServer server = new SipServer(config, DidRouter.of(router), ClinicLookup.of(directory), new ToneEchoHandler(),
                Clock.systemUTC());
        serve(server, config, sip, directory);
    }

    private void runAgent(Config settings, Config sip, SipServerConfig config) {
        java.net.URI url = null;
        if (backendUrl != null) {
            try {
                url = new java.net.URI(backendUrl);
            } catch (java.net.URISyntaxException e) {
                throw new UserError("--backend-url must be an http(s) URL, got '" + backendUrl + "'");
            }
            if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
                throw new UserError("--backend-url must be an http(s) URL, got '" + backendUrl + "'");
            }
        }
        AgentRuntime agent = new AgentRuntime(settings, url, demo, brainName, Clock.systemUTC());
        SipServer server = new SipServer(config, agent.didRouter(), agent.lookup(), agent.sipHandler(), Clock.systemUTC());
        serve(server, config, sip, agent);
    }

    private void serve(SipServer server, SipServerConfig config, Config sip, AutoCloseable also) {
        if (sip.getBoolean("record")) {
            java.nio.file.Path dir = java.nio.file.Path.of(sip.getString("recordings-dir"));
            if (also instanceof AgentRuntime agent) {
                agent.recordCalls(server, dir, sip.getBoolean("record-stereo")); // recordings go to post-call
            } else {
                server.recordCalls(dir, sip.getBoolean("record-stereo"),
                        (call, file) -> org.slf4j.LoggerFactory.getLogger(SipCommand.class)
                                .info("call {} recorded to {}", call.callId(), file));
            }
        }
        try {
            server.start();
        } catch (Exception e) {
            closeQuietly(also);
            throw new UserError("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), 1);
        }
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        SipHttp http = null;
        if (healthPort >= 0) {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Metrics.addRegistry(metrics);
            new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
            new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(metrics);
            try {
                http = new SipHttp(server::activeCalls, config.maxCalls(), stopping::get, metrics).start("0.0.0.0", healthPort);
            } catch (UserError e) {
                server.close();
                closeQuietly(also);
                throw e;
            }
        }
        System.out.println("vocadent sip: listening on " + config.host() + ":" + server.port() + " (UDP, TCP)"
                + (http == null ? "" : "; /healthz, /readyz, /metrics on port " + http.port()) + "; Ctrl-C stops");
        CountDownLatch stop = new CountDownLatch(1);
        SipHttp httpServer = http;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            server.close();
            closeQuietly(also);
            if (httpServer != null) {
                httpServer.close();
            }
            stop.countDown();
        }));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            closeQuietly(also);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down
        }
    }

    /** The server settings: flags over {@code vocadent.sip}; bad values are a {@link UserError}. */
    SipServerConfig config(Config sip) {
        String address = bind != null ? bind : sip.getString("bind");
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new UserError("--bind must be HOST:PORT, got: " + address);
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserError("--bind port must be a number, got: " + address.substring(colon + 1));
        }
        if (port < 0 || port > 65535) {
            throw new UserError("--bind port must be 0-65535, got: " + port);
        }
        RtpPortAllocator ports;
        try {
            ports = RtpPortAllocator.parse(rtpPorts != null ? rtpPorts : sip.getString("rtp-ports"));
        } catch (IllegalArgumentException e) {
            throw new UserError("--rtp-ports: " + e.getMessage());
        }
        int max = maxCalls != null ? maxCalls : sip.getInt("max-calls");
        if (max < 1) {
            throw new UserError("--max-calls must be at least 1, got: " + max);
        }
        String advertised = sip.getString("advertised-address");
        return new SipServerConfig(host, port, advertised.isBlank() ? null : advertised, ports, max,
                sip.getInt("retry-after-seconds"), sip.getLong("rtp-timeout-ms"), sip.getLong("transfer-timeout-ms"),
                sip.getLong("hang-up-drain-ms"), sip.getInt("jitter-min-frames"), sip.getInt("jitter-max-frames"));
    }
}
