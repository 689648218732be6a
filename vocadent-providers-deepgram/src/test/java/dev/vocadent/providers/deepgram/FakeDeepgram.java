package dev.vocadent.providers.deepgram;

import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server speaking Deepgram's live API: checks the Token header, reads linear16 audio, and
 * for every {@code bytesPerStep} of audio sends the next scripted message (Results with
 * is_final/speech_final, UtteranceEnd); answers Finalize and CloseStream as Deepgram does.
 */
final class FakeDeepgram implements AutoCloseable {
    final Javalin app;
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> controls = new CopyOnWriteArrayList<>();
    final List<AtomicLong> bytesPerConnection = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<String> script = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    volatile int bytesPerStep = 16000;
    volatile long firstMessageDelayMs;
    volatile long dropFirstConnectionAfterBytes = -1;
    volatile int errorCloseFirstConnection; // e.g. 1011
    private final AtomicInteger step = new AtomicInteger();

    FakeDeepgram(String key) {
        app = Javalin.create();
        app.wsBeforeUpgrade("/v1/listen", ctx -> {
            if (!("Token " + key).equals(ctx.header("Authorization"))) {
                throw new UnauthorizedResponse("bad key");
            }
        });
        app.ws("/v1/listen", ws -> {
            ws.onConnect(ctx -> {
                int n = connections.incrementAndGet();
                queries.add(ctx.queryString());
                bytesPerConnection.add(new AtomicLong());
                ctx.attribute("n", n);
                ctx.session.setIdleTimeout(java.time.Duration.ofSeconds(30));
                if (n == 1 && errorCloseFirstConnection > 0) {
                    timer.schedule(() -> ctx.closeSession(errorCloseFirstConnection, "NET-0001"), 100, TimeUnit.MILLISECONDS);
                }
            });
            ws.onBinaryMessage(ctx -> {
                int n = ctx.attribute("n");
                long total = bytesPerConnection.get(n - 1).addAndGet(ctx.length());
                if (n == 1 && dropFirstConnectionAfterBytes >= 0 && total >= dropFirstConnectionAfterBytes) {
                    ctx.session.disconnect();
                    return;
                }
                long before = total - ctx.length();
                if (total / bytesPerStep > before / bytesPerStep) {
                    sendNext(ctx);
                }
            });
            ws.onMessage(ctx -> {
                String m = ctx.message();
                controls.add(m);
                if (m.contains("\"Finalize\"")) {
                    ctx.send(results("finalised words", true, true, true));
                } else if (m.contains("\"CloseStream\"")) {
                    ctx.send("{\"type\":\"Metadata\",\"request_id\":\"req-1\",\"duration\":1.5,\"channels\":1}");
                    ctx.closeSession(1000, "");
                }
            });
        });
        app.start("127.0.0.1", 0);
    }

    private void sendNext(WsContext ctx) {
        int i = step.getAndIncrement();
        if (i >= script.size()) {
            return;
        }
        String msg = script.get(i);
        if (i == 0 && firstMessageDelayMs > 0) {
            timer.schedule(() -> ctx.send(msg), firstMessageDelayMs, TimeUnit.MILLISECONDS);
        } else {
            ctx.send(msg);
        }
    }

    static String results(String transcript, boolean isFinal, boolean speechFinal, boolean fromFinalize) {
        return "{\"type\":\"Results\",\"channel_index\":[0,1],\"duration\":0.5,\"start\":0.0,\"is_final\":" + isFinal
                + ",\"speech_final\":" + speechFinal + ",\"from_finalize\":" + fromFinalize
                + ",\"channel\":{\"alternatives\":[{\"transcript\":\"" + transcript + "\",\"confidence\":0.93,\"words\":[]}]},"
                + "\"metadata\":{\"request_id\":\"req-1\",\"model_info\":{\"name\":\"general-nova-3\"}}}";
    }

    static String utteranceEnd() {
        return "{\"type\":\"UtteranceEnd\",\"channel\":[0,1],\"last_word_end\":1.2}";
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/v1/listen");
    }

    long totalBytes() {
        return bytesPerConnection.stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        app.stop();
    }
}
