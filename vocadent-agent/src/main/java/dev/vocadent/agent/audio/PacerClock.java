package dev.vocadent.agent.audio;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One platform thread that ticks every registered {@link AudioPacer} every 20 ms. Deadlines lie on an
 * absolute timeline ({@code start + k·20 ms}), so late wake-ups never accumulate into drift; a tick
 * that wakes more than one period late catches up (sends the missed frames at once) and counts them as
 * late. Lateness of every tick is kept in a 0.1 ms histogram for jitter figures.
 */
public final class PacerClock implements AutoCloseable {
    public static final long PERIOD_NANOS = 20_000_000L;
    private static final int BUCKETS = 1000; // 0..100 ms in 0.1 ms steps

    /** Waits until a deadline; replaceable in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final CopyOnWriteArrayList<AudioPacer> pacers = new CopyOnWriteArrayList<>();
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final AtomicLongArray lateness = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong lateTicks = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;
    private final long start;
    private long k;

    /** A real clock on its own thread. */
    public PacerClock(String name) {
        this(System::nanoTime, n -> LockSupport.parkNanos(n), name, true);
    }

    /** Time source and sleeper injected; {@code startThread=false} lets a test drive {@link #runOnce()}. */
    public PacerClock(LongSupplier nanoTime, Sleeper sleeper, String name, boolean startThread) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.start = nanoTime.getAsLong();
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
        this.thread.setPriority(Thread.MAX_PRIORITY);
        if (startThread) {
            thread.start();
        }
    }

    void register(AudioPacer p) {
        pacers.add(p);
    }

    void unregister(AudioPacer p) {
        pacers.remove(p);
    }

    public int pacerCount() {
        return pacers.size();
    }

    private void loop() {
        while (running) {
            try {
                runOnce();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for the next deadline, then ticks all pacers (once per period elapsed). */
    public void runOnce() throws InterruptedException {
        long deadline = start + (k + 1) * PERIOD_NANOS;
        long wait = deadline - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        long now = nanoTime.getAsLong();
        while (deadline <= now && running) {
            k++;
            long late = now - deadline;
            record(late);
            for (AudioPacer p : pacers) {
                p.tick(late);
            }
            deadline = start + (k + 1) * PERIOD_NANOS;
        }
    }

    /** The deadline of the next tick (absolute, on the injected time source). */
    public long nextDeadline() {
        return start + (k + 1) * PERIOD_NANOS;
    }

    private void record(long lateNanos) {
        ticks.incrementAndGet();
        if (lateNanos >= PERIOD_NANOS) {
            lateTicks.incrementAndGet();
        }
        int bucket = (int) Math.min(BUCKETS, Math.max(0, lateNanos / 100_000));
        lateness.incrementAndGet(bucket);
    }

    public long ticks() {
        return ticks.get();
    }

    /** Ticks that ran a whole period or more after their deadline. */
    public long lateTicks() {
        return lateTicks.get();
    }

    /** Tick lateness at quantile q (0..1), in microseconds (0.1 ms resolution). */
    public long latenessQuantileMicros(double q) {
        long total = ticks.get();
        if (total == 0) {
            return 0;
        }
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += lateness.get(i);
            if (seen >= target) {
                return i * 100L;
            }
        }
        return BUCKETS * 100L;
    }

    /** Forgets the lateness histogram (e.g. after warm-up). */
    public void resetStats() {
        for (int i = 0; i <= BUCKETS; i++) {
            lateness.set(i, 0);
        }
        ticks.set(0);
        lateTicks.set(0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
