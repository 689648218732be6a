package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpsApiTest {
    static BackendServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestDatabases.demoServer(TestDatabases.EMBEDDED, Fixtures.CLOCK);
        http = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRegisteredRouteIsInTheOpenApiDocument() {
        Http.Res r = http.get("/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(server.routes()).hasSizeGreaterThanOrEqualTo(13);
        for (Routes.Route route : server.routes()) {
            assertThat(doc.path("paths").path(route.path()).has(route.method())).as(route.toString()).isTrue();
        }
        doc.path("paths").fieldNames().forEachRemaining(p ->
                assertThat(server.routes()).as("documented but not served: " + p).anyMatch(x -> x.path().equals(p)));
    }

    @Test
    void healthAndMetricsNeedNoTokenAndCountRequestsPerRouteAndThePool() {
        assertThat(http.get("/healthz", null).json().path("status").asText()).isEqualTo("ok");
        http.get("/customer-config/westbury", Fixtures.W);
        http.get("/customer-config/westbury", null);
        Http.Res m = http.get("/metrics", null);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body()).contains("vocadent_http_requests_seconds_count{method=\"GET\",route=\"/customer-config/{customer_id}\",status=\"200\"}")
                .contains("status=\"401\"")
                .contains("hikaricp_connections_active")
                .doesNotContain(Fixtures.W);
    }

    @Test
    void unknownEndpointIsJson404() {
        Http.Res r = http.get("/no/such/thing", Fixtures.W);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").asText()).isEqualTo("not_found");
    }
}
