package dev.vocadent.providers.deepgram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.voice.SpeechToText;
import dev.vocadent.agent.voice.WsClient;
import dev.vocadent.core.json.Json;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call's Deepgram connection (reopened when it drops) with the audio backlog of any gap. */
final class DeepgramStream implements SpeechToText.Stream {
    private static final Logger log = LoggerFactory.getLogger(DeepgramStream.class);

    private final DeepgramStt owner;
    private final SpeechToText.Options call;
    private final SpeechToText.Listener listener;
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private final long maxBacklogBytes;
    private final ScheduledFuture<?> keepAliveTask;
    private long backlogBytes;
    private WsClient conn;
    private volatile Connection current;
    private Connection pending; // a connection with new keyterms, opening while the current one serves
    private int attempts;
    private long lastSendNanos = System.nanoTime();
    private List<String> expectedTerms = List.of();
    private boolean finalSinceEnd;
    private volatile boolean closing;
    private volatile boolean dead;

    DeepgramStream(DeepgramStt owner, SpeechToText.Options call, SpeechToText.Listener listener) {
        this.owner = owner;
        this.call = call;
        this.listener = listener;
        this.maxBacklogBytes = 2L * call.sampleRate() * owner.options().maxBacklog().toMillis() / 1000;
        long ka = Math.max(50, owner.options().keepAlive().toMillis() / 2);
        this.keepAliveTask = owner.timers.scheduleAtFixedRate(this::keepAlive, ka, ka, TimeUnit.MILLISECONDS);
        connect();
    }

    private synchronized void connect() {
        if (closing || dead) {
            return;
        }
        Connection c = new Connection();
        current = c;
        open(c);
    }

    private void open(Connection c) {
        WsClient.connect(owner.http(), owner.uri(call, expectedTerms),
                        Map.of("Authorization", "Token " + owner.options().apiKey()), owner.options().connectTimeout(), c)
                .whenComplete((ws, err) -> {
                    if (err == null) {
                        opened(c, ws);
                    } else {
                        failed(c, err instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : err);
                    }
                });
    }

    private synchronized void opened(Connection c, WsClient ws) {
        c.ws = ws;
        if (c == pending && !closing) { // make before break: the new keyterms' connection takes over
            pending = null;
            WsClient old = conn;
            Connection oldC = current;
            current = c;
            conn = ws;
            if (old != null) {
                oldC.draining = true; // its last results still count; it closes after CloseStream
                old.sendText("{\"type\":\"CloseStream\"}");
                owner.timers.schedule(old::abort, 3, TimeUnit.SECONDS);
            }
            while (!backlog.isEmpty()) {
                ws.sendBinary(ByteBuffer.wrap(backlog.poll()));
            }
            backlogBytes = 0;
            return;
        }
        if (c != current || closing) {
            ws.abort();
            return;
        }
        conn = ws;
        attempts = 0;
        while (!backlog.isEmpty()) {
            ws.sendBinary(ByteBuffer.wrap(backlog.poll()));
        }
        backlogBytes = 0;
        lastSendNanos = System.nanoTime();
    }

    private void failed(Connection c, Throwable err) {
        synchronized (this) {
            if (c == pending) {
                pending = null; // keep serving on the current connection with the old keyterms
                log.warn("deepgram: could not open a connection with the turn's keyterms: {}", err.toString());
                return;
            }
            if (c != current || closing) {
                return;
            }
        }
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException) {
                err = t;
                break;
            }
        }
        if (err instanceof WebSocketHandshakeException h && (h.getResponse().statusCode() == 401
                || h.getResponse().statusCode() == 403)) {
            dead = true;
            keepAliveTask.cancel(false);
            listener.error("deepgram refused the API key (HTTP " + h.getResponse().statusCode() + ")", false);
            return;
        }
        String why = err instanceof WebSocketHandshakeException h ? "HTTP " + h.getResponse().statusCode() : err.toString();
        listener.error("deepgram connect failed: " + why, true);
        retry();
    }

    private void closedByServer(Connection c, int code, String reason) {
        synchronized (this) {
            if (c != current) {
                return;
            }
            conn = null;
            if (closing) {
                return;
            }
        }
        if (code == 1008) { // the payload cannot be decoded as audio: reconnecting will not help
            dead = true;
            keepAliveTask.cancel(false);
            listener.error("deepgram rejected the audio (" + code + " " + reason + ")", false);
            return;
        }
        listener.error("deepgram connection closed (" + code + " " + reason + "), reconnecting", true);
        retry();
    }

    private synchronized void retry() {
        attempts++;
        owner.reconnects.incrementAndGet();
        log.warn("deepgram: reconnecting (attempt {})", attempts);
        owner.timers.schedule(this::connect, owner.backoff(attempts - 1).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void push(short[] pcm, int off, int len) {
        if (closing || dead || len == 0) {
            return;
        }
        byte[] b = new byte[len * 2];
        for (int i = 0; i < len; i++) {
            short s = pcm[off + i];
            b[2 * i] = (byte) s;
            b[2 * i + 1] = (byte) (s >> 8);
        }
        synchronized (this) {
            if (conn != null) {
                conn.sendBinary(ByteBuffer.wrap(b));
                lastSendNanos = System.nanoTime();
            } else {
                backlog.add(b);
                backlogBytes += b.length;
                while (backlogBytes > maxBacklogBytes && !backlog.isEmpty()) {
                    backlogBytes -= backlog.poll().length;
                }
            }
        }
    }

    private synchronized void keepAlive() {
        if (conn != null && System.nanoTime() - lastSendNanos >= owner.options().keepAlive().toNanos()) {
            conn.sendText("{\"type\":\"KeepAlive\"}");
            lastSendNanos = System.nanoTime();
        }
    }

    /**
     * Deepgram fixes keyterms per connection, so new expected phrases open a second connection with
     * them; once it is up, audio moves over and the old one is closed with CloseStream (its last
     * results are still delivered). Make before break: no audio is lost in the switch.
     */
    @Override
    public synchronized void expect(ExpectedAnswer answer) {
        List<String> terms = answer == null ? List.of() : answer.phrases();
        if (terms.equals(expectedTerms)) {
            return;
        }
        expectedTerms = terms;
        if (conn != null && !closing && !dead) {
            pending = new Connection();
            open(pending);
        }
    }

    @Override
    public synchronized void finalizeUtterance() {
        if (conn != null) {
            conn.sendText("{\"type\":\"Finalize\"}");
        }
    }

    @Override
    public void close() {
        WsClient c;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            keepAliveTask.cancel(false);
            c = conn;
        }
        if (c != null) {
            c.sendText("{\"type\":\"CloseStream\"}");
            owner.timers.schedule(c::abort, 3, TimeUnit.SECONDS); // if the server never closes
        }
    }

    private synchronized void message(String text) {
        JsonNode m;
        try {
            m = Json.mapper().readTree(text);
        } catch (Exception e) {
            log.warn("deepgram: unreadable message ({} chars)", text.length());
            return;
        }
        switch (m.path("type").asText()) {
            case "Results" -> {
                JsonNode alt = m.path("channel").path("alternatives").path(0);
                String transcript = alt.path("transcript").asText("").strip();
                if (m.path("is_final").asBoolean(false)) {
                    if (!transcript.isEmpty()) {
                        finalSinceEnd = true;
                        listener.finalText(transcript, alt.path("confidence").asDouble(Double.NaN));
                    }
                    if (m.path("speech_final").asBoolean(false) && finalSinceEnd) {
                        finalSinceEnd = false;
                        listener.endOfUtterance();
                    }
                } else if (!transcript.isEmpty()) {
                    listener.interim(transcript);
                }
            }
            case "UtteranceEnd" -> {
                if (finalSinceEnd) {
                    finalSinceEnd = false;
                    listener.endOfUtterance();
                }
            }
            case "Metadata" -> log.debug("deepgram: request {}", m.path("request_id").asText());
            case "Error" -> listener.error("deepgram error: " + m.path("description").asText(m.path("message").asText()), true);
            default -> { }
        }
    }

    /** Events of one connection attempt; stale ones (after a reconnect) are ignored. */
    private final class Connection implements WsClient.Handler {
        volatile WsClient ws;
        volatile boolean draining;

        @Override
        public void text(String message) {
            if (this == current || draining) {
                message(message);
            }
        }

        @Override
        public void closed(int code, String reason) {
            if (!draining) {
                closedByServer(this, code, reason);
            }
        }
    }
}
