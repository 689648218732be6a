package dev.vocadent.livekit.worker;

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
 * One WebSocket connection to the agent endpoint carrying binary protobuf frames. Reassembles
 * fragmented messages, serialises sends (the JDK WebSocket allows one outstanding send), and
 * completes {@link #closed()} when the connection ends for any reason.
 */
final class WorkerSocket implements WebSocket.Listener {
    private final Consumer<byte[]> onMessage;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private volatile WebSocket socket;

    private WorkerSocket(Consumer<byte[]> onMessage) {
        this.onMessage = onMessage;
    }

    static WorkerSocket connect(HttpClient http, URI uri, String bearer, Duration timeout, Consumer<byte[]> onMessage) {
        WorkerSocket s = new WorkerSocket(onMessage);
        s.socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + bearer)
                .connectTimeout(timeout)
                .buildAsync(uri, s)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return s;
    }

    void send(byte[] frame) {
        synchronized (sendLock) {
            if (closed.isDone()) {
                throw new IllegalStateException("connection closed");
            }
            socket.sendBinary(ByteBuffer.wrap(frame), true).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Completes with a reason when the connection is gone. */
    CompletableFuture<String> closed() {
        return closed;
    }

    void close() {
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
