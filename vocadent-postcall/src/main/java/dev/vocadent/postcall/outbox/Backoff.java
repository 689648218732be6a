package dev.vocadent.postcall.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failure wait {@code min(max, base·2^(n-1))} times a
 * random factor in [0.5, 1) ("equal jitter", so retries of many items spread out but never hammer).
 * There is no attempt limit: a destination down for an hour is retried every {@code max} or so.
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {
    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff: need 0 < base <= max, got base " + base + ", max " + max);
        }
    }

    /** The wait after {@code failures} consecutive failures (1 = first failure). */
    public Duration delay(int failures) {
        int shift = Math.max(0, Math.min(failures - 1, 30));
        long baseMs = base.toMillis();
        long capped = baseMs > (max.toMillis() >> shift) ? max.toMillis() : Math.min(max.toMillis(), baseMs << shift);
        double r = random.getAsDouble();
        return Duration.ofMillis((long) (capped * (0.5 + 0.5 * Math.min(Math.max(r, 0), 0.999999))));
    }
}
