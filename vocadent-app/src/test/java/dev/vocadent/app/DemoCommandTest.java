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
import com.typesafe.config.Config;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.state.CallState;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vocadent demo}: backend + SIP agent in one process, one synthetic phone call that books, the printed curl lines. */
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
    void theDemoCallBooksAtWestburyOverSipAndPrintsOutcomeSlackMessageAndAnOggRecording() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Config settings = Settings.load(Map.of("data-dir", dataDir.toString(),
                "sip.recordings-dir", dataDir.resolve("sip").toString(),
                "voice.tts.espeak.words-per-minute", 450)); // a quicker agent keeps the test short
        DemoCommand demo = new DemoCommand(() -> settings, out);
        Thread running = Thread.ofPlatform().start(() -> new CommandLine(demo).execute("--port", "0", "--sip-port", "0"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!buf.toString(StandardCharsets.UTF_8).contains("Serving calls to") && running.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String text = buf.toString(StandardCharsets.UTF_8);
            System.out.print(text);
            assertThat(text).as(text).contains("Serving calls to sip:+441632960001@127.0.0.1:")
                    .contains("caller says: ").contains("caller (recognised): ").contains("agent: ")
                    .contains("· book_appointment").contains("outcome: booked").contains("--- Slack message ---");
            CallState call = demo.demoCall;
            assertThat(call).as(text).isNotNull();
            assertThat(call.bookingId()).isNotBlank();
            assertThat(text).contains("booking: " + DemoWatch.booking(call) + " (reference " + call.bookingId() + ")");
            assertThat(DemoWatch.booking(call)).startsWith("check-up with Dr ");
            // the booking is in the backend: its slot can no longer be booked by someone else
            try (HttpBackendClient client = HttpBackendClient.create(demo.backendUrl, DemoClinics.WESTBURY, DemoClinics.WESTBURY_TOKEN)) {
                BackendException taken = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class, () ->
                        client.bookAppointment(new BookingRequest(call.slotId(), new Patient("Other Person", "+447700900999",
                                LocalDate.of(1990, 1, 1)), BookingType.NHS, call.consultationType(), null, null, "other"), "other-key"));
                assertThat(taken.isConflict()).isTrue();
            }
            Matcher rec = Pattern.compile("(?m)^recording: (\\S+\\.ogg)$").matcher(text);
            assertThat(rec.find()).as(text).isTrue();
            assertValidOggOpus(Path.of(rec.group(1)));
        } finally {
            demo.stop();
            running.join(30_000);
        }
        assertThat(running.isAlive()).isFalse();
    }

    /** Every page is a well-formed Ogg page (capture pattern, version 0, sizes add up), the first holds OpusHead, the last is end-of-stream. */
    private static void assertValidOggOpus(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        assertThat(b.length).isGreaterThan(1000);
        int at = 0;
        int pages = 0;
        boolean eos = false;
        while (at < b.length) {
            assertThat(new String(b, at, 4, StandardCharsets.US_ASCII)).as("page at " + at).isEqualTo("OggS");
            assertThat(b[at + 4]).isZero();
            eos = (b[at + 5] & 0x04) != 0;
            int segments = b[at + 26] & 0xff;
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += b[at + 27 + i] & 0xff;
            }
            if (pages == 0) {
                assertThat(new String(b, at + 27 + segments, 8, StandardCharsets.US_ASCII)).isEqualTo("OpusHead");
            }
            at += 27 + segments + body;
            pages++;
        }
        assertThat(at).isEqualTo(b.length);
        assertThat(pages).isGreaterThan(100);
        assertThat(eos).isTrue();
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

            err.reset();
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Main.run("demo", "--sip-port", Integer.toString(taken.getLocalPort()));
            } finally {
                System.setErr(old);
            }
            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("vocadent: SIP port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; stop the other process or pick another with --sip-port N");
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
