package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.vocadent.backend.TestDatabases#targets")
class AdminApiTest {
    static BackendServer server;
    static Http http;

    @Parameter
    String target;

    @BeforeParameterizedClassInvocation
    static void start(String target) {
        server = TestDatabases.demoServer(target, Fixtures.CLOCK);
        http = new Http(server.baseUrl());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    static ObjectNode config(String id) throws Exception {
        ObjectNode c = (ObjectNode) Json.mapper().readTree(DemoClinics.json("westbury"));
        c.put("customer_id", id);
        return c;
    }

    @Test
    void putCreatesThenReplacesAndBumpsTheVersion() throws Exception {
        ObjectNode c = config("newclinic");
        Http.Res created = http.put("/admin/clinics/newclinic/config", Fixtures.ADMIN, c);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        c.put("greeting", "Hello from the new clinic");
        Http.Res replaced = http.put("/admin/clinics/newclinic/config", Fixtures.ADMIN, c);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("version").asLong()).isEqualTo(2);
        Http.Res token = http.post("/admin/clinics/newclinic/tokens", Fixtures.ADMIN, Map.of("label", "front desk"));
        assertThat(token.status()).isEqualTo(201);
        String t = token.json().path("token").asText();
        assertThat(t).startsWith("vdt_").hasSizeGreaterThan(40);
        Http.Res read = http.get("/customer-config/newclinic", t);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("greeting").asText()).isEqualTo("Hello from the new clinic");
        assertThat(read.json().path("version").asLong()).isEqualTo(2);
        String stored = server.database().jdbi().withHandle(h -> h.createQuery("SELECT encode(token_hash, 'hex') FROM api_tokens WHERE label = 'front desk'")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo(java.util.HexFormat.of().formatHex(Tokens.hash(t))).doesNotContain(t);
    }

    @Test
    void invalidConfigIs400NamingTheFieldAndChangesNothing() throws Exception {
        long before = server.database().jdbi().withHandle(h -> h.createQuery("SELECT version FROM clinics WHERE clinic_id = 'westbury'")
                .mapTo(Long.class).one());
        ObjectNode c = config("westbury");
        ((ObjectNode) c.path("customer")).putArray("phone_numbers").add("not a number");
        Http.Res r = http.put("/admin/clinics/westbury/config", Fixtures.ADMIN, c);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("customer.phone_numbers[0]");
        ObjectNode wrongId = config("dental2");
        assertThat(http.put("/admin/clinics/westbury/config", Fixtures.ADMIN, wrongId).field()).isEqualTo("customer_id");
        assertThat(http.put("/admin/clinics/westbury/config", Fixtures.ADMIN, "{\"customer\": 5}").field()).isEqualTo("customer");
        assertThat(http.put("/admin/clinics/Bad%20Id/config", Fixtures.ADMIN, config("x")).field()).isEqualTo("id");
        long after = server.database().jdbi().withHandle(h -> h.createQuery("SELECT version FROM clinics WHERE clinic_id = 'westbury'")
                .mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void tokenForAnUnknownClinicIs404() {
        long tokens = Fixtures.count(server, "api_tokens");
        assertThat(http.post("/admin/clinics/nobody/tokens", Fixtures.ADMIN, null).status()).isEqualTo(404);
        assertThat(Fixtures.count(server, "api_tokens")).isEqualTo(tokens);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "VOCADENT_TEST_REDIS_URL", matches = ".+")
    void configChangeIsPublishedOnRedis() throws Exception {
        String url = System.getenv("VOCADENT_TEST_REDIS_URL");
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        RedisClient client = RedisClient.create(url);
        var sub = client.connectPubSub();
        try (BackendServer withRedis = BackendServer.start(new BackendOptions("127.0.0.1", 0, 65536, Fixtures.ADMIN,
                TestDatabases.fresh(target), true, Fixtures.CLOCK, url, 14))) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    got.add(channel + " " + message);
                }
            });
            sub.sync().subscribe(ConfigPublisher.CHANNEL);
            Http h = new Http(withRedis.baseUrl());
            assertThat(h.put("/admin/clinics/westbury/config", Fixtures.ADMIN, DemoClinics.json("westbury")).status()).isEqualTo(200);
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("vocadent:config-invalidate westbury");
        } finally {
            sub.close();
            client.shutdown();
        }
    }
}
