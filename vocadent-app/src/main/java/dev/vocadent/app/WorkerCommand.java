package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.PacerClock;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.livekit.call.LiveKitCallHandler;
import dev.vocadent.livekit.call.RoomEgress;
import dev.vocadent.livekit.webhook.WebhookVerifier;
import dev.vocadent.livekit.worker.ActiveCalls;
import dev.vocadent.livekit.worker.AgentWorker;
import dev.vocadent.livekit.worker.LoadMonitor;
import dev.vocadent.livekit.worker.WorkerHttp;
import dev.vocadent.livekit.worker.WorkerOptions;
import io.livekit.server.EgressServiceClient;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vocadent worker}: a LiveKit agent worker. Registers with LIVEKIT_URL, takes call jobs while
 * below its load threshold, answers each with the voice agent, and on SIGTERM drains: reports itself
 * full, takes no new jobs and exits when its calls have ended (or after the drain timeout).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run as a LiveKit agent worker (needs LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).",
                "SIGTERM drains: no new jobs, running calls finish."})
final class WorkerCommand implements Runnable {
    @Option(names = "--demo", description = "Calls use the in-process demo backend and its clinics (westbury, dental2).")
    boolean demo;

    @Option(names = "--backend-url", description = "A running backend (tokens from VOCADENT_TOKEN_<CLINIC>; clinics from vocadent.clinics).")
    String backendUrl;

    @Option(names = "--brain", defaultValue = "auto", description = "auto, offline or openai (default: ${DEFAULT-VALUE}).")
    String brainName;

    @Option(names = "--agent-name", defaultValue = "${env:VOCADENT_AGENT_NAME:-vocadent}",
            description = "Agent name the dispatch rules ask for (default: ${DEFAULT-VALUE}).")
    String agentName;

    @Option(names = "--health-port", defaultValue = "${env:VOCADENT_HEALTH_PORT:-8081}",
            description = "Port of /healthz, /readyz, /metrics and /livekit/webhook (default: ${DEFAULT-VALUE}).")
    int healthPort;

    @Option(names = "--max-calls", defaultValue = "20", description = "Most calls at once (default: ${DEFAULT-VALUE}).")
    int maxCalls;

    @Option(names = "--load-threshold", defaultValue = "0.7", description = "Load (0-1, the larger of CPU and calls/max-calls) at which jobs are declined; 1 → only --max-calls limits (default: ${DEFAULT-VALUE}).")
    double loadThreshold;

    @Option(names = "--drain-timeout", description = "Longest wait for calls on SIGTERM, e.g. 30m or 90s (default: vocadent.livekit.worker.drain-timeout, 30m).")
    String drainTimeout;

    Function<String, String> env = System::getenv;
    Supplier<Config> settingsSource = Settings::load;

    @Override
    public void run() {
        String url = required("LIVEKIT_URL");
        String key = required("LIVEKIT_API_KEY");
        String secret = required("LIVEKIT_API_SECRET");
        BrainFactory.check(brainName);
        if (demo == (backendUrl != null)) {
            throw new UserError("vocadent worker needs --demo or --backend-url URL");
        }
        Config settings = settingsSource.get();
        String http = url.replaceFirst("^ws", "http");
        RoomEgress egress = roomEgress(settings, http, key, secret);
        Duration drain;
        WorkerOptions options;
        try {
            drain = drainTimeout == null ? settings.getDuration("livekit.worker.drain-timeout")
                    : Duration.parse("PT" + drainTimeout.toUpperCase(java.util.Locale.ROOT));
            options = new WorkerOptions(URI.create(url), key, secret, agentName, loadThreshold, maxCalls,
                    Duration.ofMillis(2500), Duration.ofSeconds(10));
            options.agentEndpoint();
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage());
        }
        URI backend = backendUrl == null ? null : URI.create(backendUrl);
        AgentRuntime runtime = new AgentRuntime(settings, backend, demo, brainName, Clock.systemUTC());
        PacerClock pacer = new PacerClock("livekit-pacer");
        ActiveCalls active = new ActiveCalls();
        LiveKitCallHandler handler = new LiveKitCallHandler(runtime.router, runtime.directory, runtime.liveKitCalls(pacer),
                SipServiceClient.createClient(http, key, secret), RoomServiceClient.createClient(http, key, secret),
                active, Duration.ofSeconds(30), call -> { }, egress);
        AgentWorker worker = new AgentWorker(options, handler, LoadMonitor.systemCpu(), "vocadent/0.1.0");
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(metrics);
        WorkerHttp server;
        try {
            server = new WorkerHttp(worker, new WebhookVerifier(key, secret), active, metrics).start("0.0.0.0", healthPort);
        } catch (RuntimeException e) {
            runtime.close();
            throw new UserError("cannot listen on port " + healthPort + ": " + e.getMessage(), 1);
        }
        worker.start();
        System.out.println("vocadent worker: agent '" + agentName + "' connecting to " + url
                + "; health on :" + server.port() + "; SIGTERM drains");
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean clean = new AtomicBoolean(true);
        StopSignals.install(() -> {
            try {
                clean.set(worker.drain(drain));
                System.out.println("vocadent worker: " + (clean.get() ? "drained, all calls ended" : "drain timed out after " + drain));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                worker.close();
                server.close();
                pacer.close();
                runtime.close();
                stopped.countDown();
            }
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!clean.get()) {
            throw new UserError("drain timed out after " + drain + ": calls still running were cut off", 1);
        }
    }

    /** LiveKit room egress to Azure when vocadent.livekit.egress.enabled, else null. */
    static RoomEgress roomEgress(Config settings, String httpUrl, String key, String secret) {
        if (!settings.getBoolean("livekit.egress.enabled")) {
            return null;
        }
        Config azure = settings.getConfig("postcall.azure");
        try {
            return new RoomEgress(EgressServiceClient.createClient(httpUrl, key, secret), new RoomEgress.AzureTarget(
                    azure.hasPath("account-name") ? azure.getString("account-name") : null,
                    azure.hasPath("account-key") ? azure.getString("account-key") : null,
                    azure.getString("container")), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ": set AZURE_STORAGE_ACCOUNT, AZURE_STORAGE_KEY and AZURE_STORAGE_CONTAINER"
                    + " (vocadent.postcall.azure), or turn off vocadent.livekit.egress.enabled");
        }
    }

    private String required(String name) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            throw new UserError(name + " is not set (LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are needed)");
        }
        return v;
    }
}
