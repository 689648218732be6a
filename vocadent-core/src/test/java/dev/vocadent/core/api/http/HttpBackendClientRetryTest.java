package dev.vocadent.core.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.RequestType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry rules of the client against a local HTTP server that fails on purpose (loopback, ephemeral port). */
class HttpBackendClientRetryTest {
    HttpServer server;
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger failStatus = new AtomicInteger(503);
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " key=" + ex.getRequestHeaders().getFirst("Idempotency-Key")
                    + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
            ex.getRequestBody().readAllBytes();
            byte[] body;
            int status;
            if (failuresLeft.getAndDecrement() > 0) {
                status = failStatus.get();
                body = "{\"error\":\"internal\",\"message\":\"try later\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = ex.getRequestURI().getPath().equals("/book-appointment") || ex.getRequestURI().getPath().startsWith("/register") ? 201 : 200;
                body = (switch (ex.getRequestURI().getPath()) {
                    case "/book-appointment" -> "{\"booking_id\":\"b1\",\"slot_id\":\"s1\"}";
                    case "/register-other-requests" -> "{\"request_id\":\"r1\",\"request_type\":\"callback\"}";
                    case "/check-availability" -> "{\"slots\":[]}";
                    default -> "{}";
                }).getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpBackendClient client() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new HttpBackendClient(base, "westbury", "secret-token",
                new HttpBackendClient.Options(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMillis(10), Duration.ofMillis(15)),
                waits::add);
    }

    static BookingRequest booking() {
        return new BookingRequest("s1", new Patient("A", "+447700900123", LocalDate.parse("1990-01-01")), BookingType.NHS,
                "check-up", null, null, "call-1");
    }

    @Test
    void readsAreRetriedOn503WithGrowingBackoffAndTheBearerToken() {
        failuresLeft.set(2);
        assertThat(client().checkAvailability(new dev.vocadent.core.api.AvailabilityRequest("check-up", null, BookingType.NHS,
                null, null, null, null, null)).slots()).isEmpty();
        assertThat(seen).hasSize(3).allMatch(s -> s.endsWith("auth=Bearer secret-token"));
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(15));
    }

    @Test
    void bookingIsRetriedOnlyWithItsIdempotencyKey() {
        failuresLeft.set(1);
        assertThat(client().bookAppointment(booking(), "k-1").bookingId()).isEqualTo("b1");
        assertThat(seen).containsExactly(
                "POST /book-appointment key=k-1 auth=Bearer secret-token", "POST /book-appointment key=k-1 auth=Bearer secret-token");
        seen.clear();
        failuresLeft.set(1);
        assertThatThrownBy(() -> client().bookAppointment(booking(), null))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(seen).hasSize(1);
    }

    @Test
    void requestsForTheTeamAreNeverRetried() {
        failuresLeft.set(1);
        assertThatThrownBy(() -> client().registerOtherRequest(new OtherRequest(RequestType.CALLBACK, null, "hi", null, null)))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.error().message()).isEqualTo("try later");
                });
        assertThat(seen).hasSize(1);
    }

    @Test
    void clientErrorsAreNotRetriedAndGiveUpAfterMaxAttempts() {
        failStatus.set(409);
        failuresLeft.set(5);
        assertThatThrownBy(() -> client().bookAppointment(booking(), "k-2"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(seen).hasSize(1);
        seen.clear();
        failStatus.set(429);
        failuresLeft.set(5);
        assertThatThrownBy(() -> client().customerConfig())
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(429));
        assertThat(seen).hasSize(3);
    }
}
