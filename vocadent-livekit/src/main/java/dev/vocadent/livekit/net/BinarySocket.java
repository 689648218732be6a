package dev.vocadent.livekit.net;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One WebSocket connection to LiveKit carrying binary protobuf frames (agent and signalling
 * endpoints alike). Reassembles
 * fragmented messages, serialises sends (the JDK WebSocket allows one outstanding send), and
 * completes {@link #closed()} when the connection ends for any reason.
 */
public final class BinarySocket implements WebSocket.Listener {
    private final Consumer<byte[]> onMessage;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private volatile WebSocket socket;

    private BinarySocket(Consumer<byte[]> onMessage) {
        this.onMessage = onMessage;
    }

    /**
     * Connects; {@code bearer} (may be null) goes in an Authorization header. {@code onMessage} is
     * called on the socket's thread with each whole binary message: hand slow work off.
     */
    public static BinarySocket connect(HttpClient http, URI uri, String bearer, Duration timeout, Consumer<byte[]> onMessage) {
        BinarySocket s = new BinarySocket(onMessage);
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(timeout);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        s.socket = b
                .buildAsync(uri, s)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return s;
    }

    public void send(byte[] frame) {
        synchronized (sendLock) {
            if (closed.isDone()) {
                throw new IllegalStateException("connection closed");
            }
            socket.sendBinary(ByteBuffer.wrap(frame), true).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Completes with a reason when the connection is gone. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    public void close() {
        WebSocket s = socket;
        if (s != null && !closed.isDone()) {
            try {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "worker closing").orTimeout(2, TimeUnit.SECONDS).join();
            } catch (RuntimeException ignored) {
                s.abort();
            }
        }
        closed.complete("closed by worker");
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.write(chunk, 0, chunk.length);
        if (last) {
            byte[] whole = partial.toByteArray();
            partial.reset();
            onMessage.accept(whole);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        ws.request(1); // the protocol is binary; text frames are ignored
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete("server closed (" + statusCode + " " + reason + ")");
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete("connection error: " + error);
    }
}
