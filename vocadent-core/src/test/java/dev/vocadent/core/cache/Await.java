package dev.vocadent.core.cache;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does (never used to time anything). */
public final class Await {
    private Await() {}

    public static void until(BooleanSupplier condition, String what) {
        within(10_000, condition, what);
    }

    public static void within(long millis, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + millis + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
