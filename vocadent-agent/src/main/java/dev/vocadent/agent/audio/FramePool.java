package dev.vocadent.agent.audio;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A bounded pool of equally sized sample buffers, so the audio hot path does not allocate per frame.
 * {@link #take()} returns a pooled buffer or a fresh one when the pool is empty; {@link #give(short[])}
 * returns it (buffers of another size, or beyond capacity, are left to the GC). Thread-safe.
 */
public final class FramePool {
    private final int size;
    private final ArrayBlockingQueue<short[]> free;

    public FramePool(int bufferSamples, int capacity) {
        if (bufferSamples <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("buffer size and capacity must be positive");
        }
        this.size = bufferSamples;
        this.free = new ArrayBlockingQueue<>(capacity);
    }

    public int bufferSamples() {
        return size;
    }

    public short[] take() {
        short[] b = free.poll();
        return b != null ? b : new short[size];
    }

    public void give(short[] buffer) {
        if (buffer != null && buffer.length == size) {
            free.offer(buffer);
        }
    }

    /** Buffers currently idle in the pool. */
    public int idle() {
        return free.size();
    }
}
