package dev.vocadent.livekit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.livekit.fake.FakeLiveKitServer;
import dev.vocadent.livekit.webhook.WebhookVerifier;
import io.livekit.server.AccessToken;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerHttpTest {
    final FakeLiveKitServer server = new FakeLiveKitServer();
    final AgentWorker worker = new AgentWorker(new WorkerOptions(URI.create(server.url()), FakeLiveKitServer.API_KEY,
            FakeLiveKitServer.API_SECRET, "vocadent", 0.7, 4, Duration.ofMillis(100), Duration.ofMillis(400)),
            job -> { }, () -> 0, "test");
    final ActiveCalls calls = new ActiveCalls();
    final List<String> ended = new CopyOnWriteArrayList<>();
    final WorkerHttp http = new WorkerHttp(worker, new WebhookVerifier(FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
            calls, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start("127.0.0.1", 0);
    final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        worker.close();
        server.close();
    }

    HttpResponse<String> post(String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/livekit/webhook"))
                .header("Content-Type", "application/webhook+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String body, String secret) throws Exception {
        AccessToken t = new AccessToken(FakeLiveKitServer.API_KEY, secret);
        t.setSha256(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
        return t.toJwt();
    }

    @Test
    void aValidRoomFinishedWebhookEndsTheMatchingCallAndAForgedOneIsRejected() throws Exception {
        calls.add("westbury_+447700900123_r1", ended::add);
        String body = "{\"event\":\"room_finished\",\"room\":{\"name\":\"westbury_+447700900123_r1\"},\"id\":\"EV1\"}";

        assertThat(post(body, sign(body, "forged-secret-forged-secret-forged-secret")).statusCode()).isEqualTo(401);
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(ended).isEmpty();

        assertThat(post(body, sign(body, FakeLiveKitServer.API_SECRET)).statusCode()).isEqualTo(200);
        assertThat(ended).containsExactly("room_finished");
        assertThat(calls.size()).isZero();
    }

    @Test
    void theSipCallerLeavingEndsTheCallButAnotherParticipantDoesNot() throws Exception {
        calls.add("dental2_x", ended::add);
        String agentLeft = "{\"event\":\"participant_left\",\"room\":{\"name\":\"dental2_x\"},\"participant\":{\"identity\":\"agent\",\"kind\":\"AGENT\"}}";
        assertThat(post(agentLeft, sign(agentLeft, FakeLiveKitServer.API_SECRET)).statusCode()).isEqualTo(200);
        assertThat(ended).isEmpty();
        String callerLeft = "{\"event\":\"participant_left\",\"room\":{\"name\":\"dental2_x\"},\"participant\":{\"identity\":\"sip_caller\",\"kind\":\"SIP\"}}";
        assertThat(post(callerLeft, sign(callerLeft, FakeLiveKitServer.API_SECRET)).statusCode()).isEqualTo(200);
        assertThat(ended).containsExactly("caller_left");
    }

    @Test
    void readinessFollowsRegistrationAndDrain() throws Exception {
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/readyz")).build();
        assertThat(client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        worker.start();
        worker.registered().get(10, TimeUnit.SECONDS);
        assertThat(client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(worker.drain(Duration.ofSeconds(1))).isTrue();
        HttpResponse<String> r = client.send(ready, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("draining");
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/healthz")).build();
        assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
