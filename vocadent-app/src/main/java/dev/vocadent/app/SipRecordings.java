package dev.vocadent.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Meets a SIP call's Ogg/Opus recording (finished when the SIP call has ended) with the call's
 * post-call work (which starts when the voice call has finished, possibly earlier), by Call-ID.
 */
final class SipRecordings {
    /** Longest wait for a recording after the voice call finished (the BYE may still be under way). */
    static final long WAIT_SECONDS = 20;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SipRecordings.class);
    private final Map<String, CompletableFuture<Path>> files = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    void enable() {
        enabled = true;
    }

    /** The call's recording to come, or null when calls are not recorded. */
    CompletableFuture<Path> of(String callId) {
        return enabled ? files.computeIfAbsent(callId, id -> new CompletableFuture<>()) : null;
    }

    void recorded(String callId, Path file) {
        files.computeIfAbsent(callId, id -> new CompletableFuture<>()).complete(file);
    }

    /** Waits for the call's recording; null (logged) when it does not come in time. Forgets the call. */
    Path await(String callId, CompletableFuture<Path> recording) {
        try {
            return recording.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("call {}: no recording within {} s; post-call goes without it", callId, WAIT_SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            files.remove(callId);
        }
    }
}
