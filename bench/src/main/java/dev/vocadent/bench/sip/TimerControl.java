package dev.vocadent.bench.sip;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's own timer jitter with nothing else of ours running: a virtual thread waking on an
 * absolute 20 ms schedule, as each call's RTP clock does, for a few seconds. Lateness p50/p99/max in µs.
 */
final class TimerControl {
    private TimerControl() {}

    static long[] measure(int seconds) throws InterruptedException {
        int ticks = seconds * 50;
        long[] late = new long[ticks];
        Thread t = Thread.ofVirtual().name("timer-control").start(() -> {
            long start = System.nanoTime();
            for (int k = 1; k <= ticks; k++) {
                long due = start + k * 20_000_000L;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                late[k - 1] = (now - due) / 1000;
            }
        });
        t.join();
        Arrays.sort(late);
        return new long[] {late[ticks / 2], late[(int) Math.ceil(ticks * 0.99) - 1], late[ticks - 1]};
    }
}
