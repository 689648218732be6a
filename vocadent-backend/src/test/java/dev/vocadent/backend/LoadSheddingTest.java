package dev.vocadent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

class LoadSheddingTest {
    @Test
    void noFreeDatabaseConnectionIs503WithRetryAfterAndChangesNothing() throws Exception {
        DbOptions db = TestDatabases.fresh(TestDatabases.EMBEDDED).withPoolSize(1);
        try (BackendServer server = BackendServer.start(new BackendOptions("127.0.0.1", 0, 65536, Fixtures.ADMIN, db, true,
                Fixtures.CLOCK, null, 14))) {
            Http http = new Http(server.baseUrl());
            assertThat(http.get("/customer-config/westbury", Fixtures.W).status()).isEqualTo(200); // token + config now cached
            Http.Res r;
            try (Connection held = server.database().dataSource().getConnection()) {
                r = http.post("/user", Fixtures.W, java.util.Map.of("name", "Busy", "phone", "+447700900300", "date_of_birth", "1990-01-01"));
            }
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().path("error").asText()).isEqualTo("unavailable");
            assertThat(r.raw().headers().firstValue("Retry-After")).contains("1");
            assertThat(Fixtures.count(server, "patients")).isZero();
        }
    }
}
