package dev.vocadent.agent.voice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.LoggerFactory;

/**
 * A JDK WebSocket client for providers' streaming APIs. The JDK allows one outstanding send at a time;
 * this class chains sends so callers may send from any thread without waiting. Text messages that
 * arrive in pieces are joined before {@link Handler#text} sees them.
 */
public final class WsClient {
    /** Events, on the HTTP client's threads. */
    public interface Handler {
        void text(String message);

        /** The server closed (or the connection broke: code 1006). */
        void closed(int code, String reason);
    }

    private final WebSocket ws;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    private WsClient(WebSocket ws) {
        this.ws = ws;
    }

    /** Opens a connection; fails with the handshake's error (e.g. {@link java.net.http.WebSocketHandshakeException}). */
    public static CompletableFuture<WsClient> connect(HttpClient http, URI uri, Map<String, String> headers,
                                                      Duration timeout, Handler handler) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(b::header);
        return b.buildAsync(uri, new Listener(handler)).thenApply(WsClient::new);
    }

    public synchronized CompletableFuture<?> sendText(String text) {
        tail = tail.handle((v, e) -> null).thenCompose(v -> ws.sendText(text, true));
        return tail;
    }

    public synchronized CompletableFuture<?> sendBinary(ByteBuffer data) {
        tail = tail.handle((v, e) -> null).thenCompose(v -> ws.sendBinary(data, true));
        return tail;
    }

    /** Sends a close frame after pending sends. */
    public synchronized void close(int code, String reason) {
        tail = tail.handle((v, e) -> null).thenCompose(v -> ws.sendClose(code, reason));
    }

    /** Drops the connection at once. */
    public void abort() {
        ws.abort();
    }

    public boolean isOpen() {
        return !ws.isInputClosed() && !ws.isOutputClosed();
    }

    private static final class Listener implements WebSocket.Listener {
        private final Handler handler;
        private final StringBuilder partial = new StringBuilder();

        Listener(Handler handler) {
            this.handler = handler;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String m = partial.toString();
                partial.setLength(0);
                handler.text(m);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            LoggerFactory.getLogger(WsClient.class).debug("closed by peer: {} {}", statusCode, reason);
            handler.closed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LoggerFactory.getLogger(WsClient.class).debug("connection error: {}", error.toString());
            handler.closed(1006, String.valueOf(error.getMessage()));
        }
    }
}
