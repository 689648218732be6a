package dev.vocadent.livekit.worker;

import dev.vocadent.livekit.webhook.WebhookVerifier;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's own HTTP port: {@code /healthz} (process up), {@code /readyz} (registered with
 * LiveKit and not draining: 503 otherwise, so Kubernetes stops routing during drain),
 * {@code /metrics} (Prometheus) and {@code POST /livekit/webhook} (LiveKit's signed webhooks;
 * unsigned or forged → 401; room finished / SIP participant left → the matching call ends).
 */
public final class WorkerHttp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerHttp.class);
    private static final int MAX_WEBHOOK_BYTES = 64 * 1024;

    private final Javalin app;

    public WorkerHttp(AgentWorker worker, WebhookVerifier verifier, ActiveCalls calls, PrometheusMeterRegistry metrics) {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_WEBHOOK_BYTES;
        });
        app.get("/healthz", ctx -> ctx.result("ok"));
        app.get("/readyz", ctx -> {
            boolean ready = worker.registered().isDone() && !worker.registered().isCompletedExceptionally() && !worker.isDraining();
            ctx.status(ready ? 200 : 503).result(ready ? "ready" : worker.isDraining() ? "draining" : "not registered");
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        app.post("/livekit/webhook", ctx -> {
            WebhookEvent event;
            try {
                event = verifier.verify(ctx.body(), ctx.header("Authorization"));
            } catch (WebhookVerifier.Rejected e) {
                log.warn("rejected LiveKit webhook: {}", e.getMessage());
                ctx.status(401).result("invalid webhook signature");
                return;
            }
            handle(event, calls);
            ctx.status(200).result("ok");
        });
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).result(e.getMessage()));
    }

    static void handle(WebhookEvent event, ActiveCalls calls) {
        String room = event.getRoom().getName();
        switch (event.getEvent()) {
            case "room_finished" -> {
                if (calls.end(room, "room_finished")) {
                    log.info("room {} finished: call ended", room);
                }
            }
            case "participant_left" -> {
                if (event.getParticipant().getKind() == ParticipantInfo.Kind.SIP && calls.end(room, "caller_left")) {
                    log.info("caller left room {}: call ended", room);
                }
            }
            default -> log.debug("LiveKit webhook {} for room {}", event.getEvent(), room);
        }
    }

    public WorkerHttp start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
