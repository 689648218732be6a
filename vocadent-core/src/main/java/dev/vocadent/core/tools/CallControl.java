package dev.vocadent.core.tools;

import java.util.concurrent.CompletableFuture;

/**
 * What a transport lets the session do to the call itself. Implemented by each channel (chat,
 * simulated call, SIP, LiveKit); tools reach it only through the session.
 */
public interface CallControl {
    /** Hang up after the agent's last words have been played. */
    void hangUp(String reason);

    /**
     * Transfer the caller to a number (E.164). Completes with true only when a person was reached;
     * false (or exceptionally) when the transfer was refused or failed. Channels that cannot transfer
     * complete with false at once.
     */
    CompletableFuture<Boolean> transfer(String number);
}
