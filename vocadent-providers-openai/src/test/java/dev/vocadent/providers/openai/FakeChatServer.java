package dev.vocadent.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;

/**
 * A local server speaking the Chat Completions protocol (POST, JSON in, SSE or JSON out) with
 * scripted responses, one per request in order. Records what it received. Binds 127.0.0.1, port 0.
 */
final class FakeChatServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What one request carried. Header names are lower-case. */
    record Received(String method, String path, String query, Map<String, String> headers, JsonNode body) {}

    @FunctionalInterface
    interface Script {
        void respond(Context ctx) throws Exception;
    }

    private final Javalin app;
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Released on close so that stalled scripts end promptly. */
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeChatServer() {
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.post("/*", this::handle);
        app.start("127.0.0.1", 0);
    }

    int port() {
        return app.port();
    }

    /** OpenAI-style base URL: {@code http://127.0.0.1:<port>/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Azure-style endpoint: {@code http://127.0.0.1:<port>}. */
    String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    FakeChatServer enqueue(Script... next) {
        scripts.addAll(List.of(next));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received request(int i) {
        return received.get(i);
    }

    /** Sleeps until the duration passed or the server closes; true when it slept the whole time. */
    boolean pause(Duration d) throws InterruptedException {
        return !closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(Context ctx) throws Exception {
        Map<String, String> headers = new TreeMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        JsonNode body = JSON.readTree(ctx.body());
        received.add(new Received(ctx.method().name(), ctx.path(), ctx.queryString(), headers, body));
        Script script = scripts.poll();
        if (script == null) {
            ctx.status(500).contentType("application/json")
                    .result("{\"error\":{\"message\":\"no scripted response left\",\"type\":\"server_error\"}}");
            return;
        }
        script.respond(ctx);
    }

    // ---- scripts ----

    /** An SSE stream of the given chunk JSONs, then {@code data: [DONE]}. */
    static Script sse(String... chunks) {
        return ctx -> {
            OutputStream out = startSse(ctx);
            for (String chunk : chunks) {
                event(out, chunk);
            }
            event(out, "[DONE]");
        };
    }

    /** An error status with an OpenAI error body. */
    static Script status(int code, String message) {
        return ctx -> ctx.status(code).contentType("application/json").result(
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    /** A plain JSON answer (non-streaming requests). */
    static Script json(String body) {
        return ctx -> ctx.status(200).contentType("application/json").result(body);
    }

    /** Begins an SSE response and flushes the headers. */
    static OutputStream startSse(Context ctx) throws Exception {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setHeader("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        out.flush();
        return out;
    }

    /** Writes one SSE event and flushes it to the client. */
    static void event(OutputStream out, String data) throws Exception {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Closes the TCP connection under a response that is under way (the client sees it drop). */
    static void dropConnection(Context ctx) {
        Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint().close();
    }

    @Override
    public void close() {
        closing.countDown();
        app.stop();
    }
}
