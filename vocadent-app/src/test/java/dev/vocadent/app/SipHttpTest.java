package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.audio.PacingMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SipHttpTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(SipHttp server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsAlwaysOkAndReadinessFollowsCapacityAndShutdown() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicBoolean stopping = new AtomicBoolean();
        try (SipHttp server = new SipHttp(active::get, 2, stopping::get, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start("127.0.0.1", 0)) {
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
            active.set(2);
            HttpResponse<String> full = get(server, "/readyz");
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.body()).contains("at capacity");
            active.set(1);
            stopping.set(true);
            assertThat(get(server, "/readyz").body()).isEqualTo("shutting down");
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsAreScrapedInPrometheusFormatWithThePacingCounters() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new PacingMeters(registry);
        try (SipHttp server = new SipHttp(() -> 0, 10, () -> false, registry).start("127.0.0.1", 0)) {
            HttpResponse<String> r = get(server, "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("vocadent_audio_frames_total").contains("vocadent_audio_late_frames_total");
        }
    }

    @Test
    void aTakenPortIsAOneLineUserError() {
        try (SipHttp first = new SipHttp(() -> 0, 1, () -> false, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start("127.0.0.1", 0)) {
            SipHttp second = new SipHttp(() -> 0, 1, () -> false, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            assertThatThrownBy(() -> second.start("127.0.0.1", first.port())).isInstanceOf(UserError.class)
                    .hasMessageContaining("--health-port");
        }
    }

    @Test
    void aHealthPortOutOfRangeIsRefusedBeforeAnythingStarts() {
        assertThat(Main.run("sip", "--echo", "--health-port", "70000")).isEqualTo(2);
        assertThat(Main.run("sip", "--echo", "--health-port", "-5")).isEqualTo(2);
    }
}
