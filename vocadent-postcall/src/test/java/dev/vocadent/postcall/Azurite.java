package dev.vocadent.postcall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite's blob service (npm {@code azurite}) as a child process on 127.0.0.1, an ephemeral port and a
 * temporary folder. Found via {@code VOCADENT_AZURITE} (path of {@code azurite-blob}, set by .ci/run),
 * the PATH, {@code ~/.cache/vocadent-tools/azurite} (where .ci/run installs it) or {@code .ci/node_modules}. Absent: the test is skipped with the reason
 * locally, and fails when {@code CI=true}.
 */
public final class Azurite implements AutoCloseable {
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Pattern LISTENING = Pattern.compile("listens on http://127\\.0\\.0\\.1:(\\d+)");

    private final Path exe;
    private final Path location;
    private Process process;
    private int port;

    private Azurite(Path exe, Path location) {
        this.exe = exe;
        this.location = location;
    }

    /** Starts Azurite, or skips (fails in CI) if it is not installed. */
    public static Azurite start(Path location) throws Exception {
        Path exe = find();
        if (exe == null) {
            String why = "azurite not found (set VOCADENT_AZURITE, put azurite-blob on the PATH, or run "
                    + "`npm install --prefix ~/.cache/vocadent-tools/azurite azurite@3.37.0`)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " — required in CI");
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        Azurite a = new Azurite(exe, location);
        a.launch(0);
        return a;
    }

    static Path find() {
        String env = System.getenv("VOCADENT_AZURITE");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "azurite-blob");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        Path cached = Path.of(System.getProperty("user.home"), ".cache/vocadent-tools/azurite/node_modules/.bin/azurite-blob");
        if (Files.isExecutable(cached)) {
            return cached;
        }
        Path d = Path.of("").toAbsolutePath();
        for (int i = 0; i < 3 && d != null; i++, d = d.getParent()) {
            Path p = d.resolve(".ci/node_modules/.bin/azurite-blob");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private void launch(int wantedPort) throws Exception {
        Files.createDirectories(location);
        process = new ProcessBuilder(exe.toString(), "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(wantedPort),
                "--location", location.toString(), "--loose", "--skipApiVersionCheck", "--disableTelemetry", "--silent")
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        StringBuilder out = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            listening.completeExceptionally(new IllegalStateException("azurite exited: " + out));
        });
        port = listening.get(60, TimeUnit.SECONDS);
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }

    /** Stops the server (the data folder stays). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws Exception {
        stop();
        launch(port);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
