package dev.vocadent.agent.audio;

import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one call's agent audio out in exact 20 ms frames, driven by a {@link PacerClock}. Producers
 * (TTS) {@link #write} samples into a bounded ring buffer without ever waiting; each clock tick takes
 * one frame out and hands it to the {@link FrameConsumer}. {@link #clear()} drops everything queued
 * (barge-in: the next tick sends nothing); {@link #flush()} pads the last partial frame with silence
 * and reports {@link FrameConsumer#drained()} once it has gone out.
 */
public final class AudioPacer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AudioPacer.class);
    public static final int FRAME_MILLIS = 20;

    private final int sampleRate;
    private final int frameSamples;
    private final short[] ring;
    private final short[] frameBuf;
    private final AudioFrame frame;
    private final FrameConsumer consumer;
    private final boolean silenceWhenIdle;
    private final PacingMeters meters;
    private final ReentrantLock lock = new ReentrantLock();
    private int head;      // next sample to send
    private int size;      // samples queued
    private boolean flushPending;
    private long played;   // samples of queued audio sent (silence padding excluded)
    private long framesSent;
    private volatile boolean closed;
    private PacerClock clock;

    /**
     * @param sampleRate      output rate
     * @param maxQueuedMillis ring capacity; writes beyond it are refused (returned count)
     * @param silenceWhenIdle send silent frames when nothing is queued (continuous RTP), or nothing
     * @param consumer        non-blocking frame consumer
     */
    public AudioPacer(int sampleRate, int maxQueuedMillis, boolean silenceWhenIdle, FrameConsumer consumer) {
        this(sampleRate, maxQueuedMillis, silenceWhenIdle, consumer, PacingMeters.global());
    }

    /** As above, counting sent and late frames in {@code meters}. */
    public AudioPacer(int sampleRate, int maxQueuedMillis, boolean silenceWhenIdle, FrameConsumer consumer, PacingMeters meters) {
        if (sampleRate <= 0 || sampleRate % 50 != 0) {
            throw new IllegalArgumentException("sample rate must be a positive multiple of 50 Hz, was " + sampleRate);
        }
        if (maxQueuedMillis < FRAME_MILLIS) {
            throw new IllegalArgumentException("queue must hold at least one frame (" + FRAME_MILLIS + " ms)");
        }
        this.sampleRate = sampleRate;
        this.frameSamples = sampleRate / 50;
        this.ring = new short[AudioFrame.samplesFor(sampleRate, maxQueuedMillis)];
        this.frameBuf = new short[frameSamples];
        this.frame = new AudioFrame(frameBuf, frameSamples, sampleRate);
        this.consumer = consumer;
        this.silenceWhenIdle = silenceWhenIdle;
        this.meters = meters;
    }

    /** Starts ticking on {@code clock}. */
    public AudioPacer start(PacerClock clock) {
        this.clock = clock;
        clock.register(this);
        return this;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int frameSamples() {
        return frameSamples;
    }

    /**
     * Queues up to {@code n} samples; never waits. Returns how many were taken (fewer when the queue is
     * full; the caller keeps the rest and retries later).
     */
    public int write(short[] pcm, int off, int n) {
        if (closed) {
            return 0;
        }
        lock.lock();
        try {
            int take = Math.min(n, ring.length - size);
            int tail = (head + size) % ring.length;
            int first = Math.min(take, ring.length - tail);
            System.arraycopy(pcm, off, ring, tail, first);
            System.arraycopy(pcm, off + first, ring, 0, take - first);
            size += take;
            flushPending = false;
            return take;
        } finally {
            lock.unlock();
        }
    }

    /** Free space in samples. */
    public int remainingCapacity() {
        lock.lock();
        try {
            return ring.length - size;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of what was written: a partial last frame is padded and sent, then drained() fires. */
    public void flush() {
        lock.lock();
        try {
            flushPending = true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops all queued audio (barge-in). Returns how many samples were dropped. */
    public int clear() {
        lock.lock();
        try {
            int dropped = size;
            size = 0;
            head = 0;
            flushPending = false;
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Samples of queued audio that have been sent so far. */
    public long playedSamples() {
        lock.lock();
        try {
            return played;
        } finally {
            lock.unlock();
        }
    }

    public int queuedSamples() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    public long framesSent() {
        return framesSent;
    }

    /** One 20 ms slot, on time: called by a driver that does not measure lateness (or a test). */
    public void tick() {
        tick(0);
    }

    /**
     * One 20 ms slot, {@code lateNanos} after its deadline (the {@link PacerClock} measures it). A frame sent
     * one period (20 ms) or more late is counted as late in the {@link PacingMeters}.
     */
    public void tick(long lateNanos) {
        if (closed) {
            return;
        }
        boolean send;
        boolean drained = false;
        lock.lock();
        try {
            int n = Math.min(size, frameSamples);
            if (n == frameSamples || (n > 0 && flushPending)) {
                int first = Math.min(n, ring.length - head);
                System.arraycopy(ring, head, frameBuf, 0, first);
                System.arraycopy(ring, 0, frameBuf, first, n - first);
                java.util.Arrays.fill(frameBuf, n, frameSamples, (short) 0);
                head = (head + n) % ring.length;
                size -= n;
                played += n;
                send = true;
                if (size == 0 && flushPending) {
                    flushPending = false;
                    drained = true;
                }
            } else {
                if (n == 0 && flushPending) {
                    flushPending = false;
                    drained = true;
                }
                send = silenceWhenIdle;
                if (send) {
                    java.util.Arrays.fill(frameBuf, (short) 0);
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            if (send) {
                framesSent++;
                meters.sent(lateNanos >= PacerClock.PERIOD_NANOS);
                consumer.frame(frame);
            }
            if (drained) {
                consumer.drained();
            }
        } catch (RuntimeException e) {
            log.warn("frame consumer failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (clock != null) {
            clock.unregister(this);
        }
    }
}
