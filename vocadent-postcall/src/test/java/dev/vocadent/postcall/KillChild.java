package dev.vocadent.postcall;

import dev.vocadent.core.api.ApiError;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A post-call worker in its own JVM, for {@link KillRecoveryTest}: {@code submit DIR N SLACK BACKEND}
 * queues N calls, prints SUBMITTED and runs the sender until killed; {@code deliver DIR SLACK BACKEND}
 * runs the sender until the journal is empty, prints DONE and exits.
 */
public final class KillChild {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        int n = mode.equals("submit") ? Integer.parseInt(args[2]) : 0;
        String slack = args[mode.equals("submit") ? 3 : 2];
        String backendUrl = args[mode.equals("submit") ? 4 : 3];
        PostCallSettings base = Fixtures.settings(dir);
        PostCallSettings s = new PostCallSettings(base.outboxDir(), base.localStoreDir(), Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofSeconds(1), base.prices(), base.azure(), base.ops(), base.retentionInterval());
        HttpClient http = HttpClient.newHttpClient();
        PostCall pc = PostCall.builder(s).env(Map.of(Fixtures.SLACK_ENV, slack)::get).backend(id -> new FakeBackend() {
            @Override
            public void recordCall(CallRecord record) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(backendUrl))
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(record))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() >= 300) {
                        throw new BackendException(r.statusCode(), new ApiError("x", "x", null), null);
                    }
                } catch (java.io.IOException | InterruptedException e) {
                    throw new BackendException(0, null, e);
                }
            }
        }).build();
        if (mode.equals("submit")) {
            Path rec = dir.resolve("rec.ogg");
            Files.write(rec, new byte[] {'O', 'g', 'g', 'S'});
            for (int i = 0; i < n; i++) {
                pc.submit(Fixtures.booked("kill-" + i, Fixtures.westbury(), rec));
            }
            System.out.println("SUBMITTED");
            System.out.flush();
            if (args.length > 5 && args[5].equals("no-sender")) {
                Thread.sleep(600_000);
            }
            pc.start();
            Thread.sleep(600_000);
        } else {
            pc.start();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!pc.journal().pending().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            pc.close();
            System.out.println(pc.journal().pending().isEmpty() ? "DONE" : "TIMEOUT " + pc.journal().pending());
            System.out.flush();
            System.exit(0);
        }
    }
}
