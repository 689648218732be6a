package dev.vocadent.agent.audio;

/**
 * Receives paced 20 ms frames on the pacer clock's thread. Implementations must not block (no I/O
 * waits, no locks held by slow code): hand the frame to a non-blocking socket send or copy it into
 * a queue. The frame's buffer is reused after the call returns.
 */
@FunctionalInterface
public interface FrameConsumer {
    void frame(AudioFrame frame);

    /** Everything queued before a {@link AudioPacer#flush()} has been sent. */
    default void drained() {}
}
