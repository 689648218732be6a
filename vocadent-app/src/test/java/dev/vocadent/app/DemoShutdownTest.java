package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vocadent demo --no-call} in its own JVM: serves until signalled, then stops SIP, Javalin, the pool and embedded PostgreSQL. */
class DemoShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void sigtermStopsTheServerAndEmbeddedPostgresCleanly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.vocadent.app.Main", "demo", "--port", "0", "--sip-port", "0", "--no-call");
        pb.environment().put("VOCADENT_DATA_DIR", dataDir.toString());
        pb.redirectError(dataDir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        try {
            URI base = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("listening on (http://\\S+)");
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    base = URI.create(m.group(1));
                }
                if (line.contains("Ctrl-C")) {
                    break;
                }
            }
            assertThat(base).as(Files.readString(dataDir.resolve("stderr.txt"))).isNotNull();
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
            assertThat(pid).exists();

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(pid).doesNotExist(); // PostgreSQL shut down and removed its pid file
            URI stopped = base;
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                    http.send(HttpRequest.newBuilder(stopped.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString())))
                    .isInstanceOf(java.io.IOException.class);
        } finally {
            p.destroyForcibly();
        }
    }
}
