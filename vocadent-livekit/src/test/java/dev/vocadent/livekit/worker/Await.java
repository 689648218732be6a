package dev.vocadent.livekit.worker;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or the time is up (then fails the test). */
final class Await {
    private Await() {}

    static void until(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + atMost);
            }
            Thread.sleep(20);
        }
    }
}
