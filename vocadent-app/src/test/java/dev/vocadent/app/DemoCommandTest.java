package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.backend.BackendOptions;
import dev.vocadent.backend.BackendServer;
import dev.vocadent.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void printedCurlLinesWorkExactlyAsPrinted() throws Exception {
        BackendOptions options = BackendOptions.local(dataDir, Clock.systemUTC()).withDemo(true);
        try (BackendServer server = BackendServer.start(options)) {
            String text = DemoCommand.instructions(server.baseUrl(), options);
            assertThat(text).contains("listening on " + server.baseUrl()).contains("demo-westbury-token").contains("demo-admin-token");
            List<String> curls = text.lines().map(String::strip).filter(l -> l.startsWith("curl ")).toList();
            assertThat(curls).hasSize(4);

            JsonNode config = Json.mapper().readTree(bash(curls.get(0)));
            assertThat(config.path("customer_id").asText()).isEqualTo("westbury");

            JsonNode slots = Json.mapper().readTree(bash(curls.get(1)));
            assertThat(slots.path("slots")).hasSize(3);

            JsonNode booking = Json.mapper().readTree(bash(curls.get(2)));
            assertThat(booking.path("booking_id").asText()).isNotBlank();
            assertThat(booking.path("patient_id").asText()).isNotBlank();
            JsonNode again = Json.mapper().readTree(bash(curls.get(2)));
            assertThat(again.path("booking_id").asText()).isEqualTo(booking.path("booking_id").asText());

            assertThat(bash(curls.get(3))).contains("vocadent_http_requests_seconds_count");
        }
    }

    @Test
    void portTakenIsAOneLineErrorWithExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream old = System.err;
            int code;
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Main.run("demo", "--port", Integer.toString(taken.getLocalPort()));
            } finally {
                System.setErr(old);
            }
            assertThat(code).isEqualTo(2);
            String out = err.toString(StandardCharsets.UTF_8).strip();
            assertThat(out.lines()).hasSize(1);
            assertThat(out).startsWith("vocadent: port " + taken.getLocalPort()).contains("already in use").doesNotContain("Exception");
            assertThat(Main.run("backend", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
        }
    }

    private static String bash(String line) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(line + " → " + out).isZero();
        return out;
    }
}
