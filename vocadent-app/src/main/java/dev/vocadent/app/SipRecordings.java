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
 * post-call work (registered when the call starts, waiting once its session has ended), by Call-ID.
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

    /**
     * The call's recording is complete. Only a call whose post-call work asked for it ({@link #of}, at the
     * call's start) is waiting; a recording nobody waits for any more (the wait timed out, or the call never
     * reached the agent) is left on disk and not kept here, so the map does not grow by a call each time.
     */
    void recorded(String callId, Path file) {
        CompletableFuture<Path> waiting = files.get(callId);
        if (waiting != null) {
            waiting.complete(file);
        } else {
            log.info("call {}: recording {} finished with no post-call waiting for it", callId, file);
        }
    }

    /** Calls with a recording still awaited (for tests). */
    int pending() {
        return files.size();
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
