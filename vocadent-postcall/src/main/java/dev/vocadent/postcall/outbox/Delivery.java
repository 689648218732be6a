package dev.vocadent.postcall.outbox;

import java.time.Duration;

/** What one delivery attempt came to. Reasons never contain secrets or patient data. */
public sealed interface Delivery {
    /** Delivered; the item is removed. */
    record Done() implements Delivery {}

    /** Failed for now; retried with backoff, or after {@code retryAfter} when the destination said so. */
    record Retry(String reason, Duration retryAfter) implements Delivery {}

    /** Failed for good (e.g. 400/403/404): parked with the reason, never retried by itself. */
    record Park(String reason) implements Delivery {}

    static Delivery done() {
        return new Done();
    }

    static Delivery retry(String reason) {
        return new Retry(reason, null);
    }

    static Delivery retry(String reason, Duration retryAfter) {
        return new Retry(reason, retryAfter);
    }

    static Delivery park(String reason) {
        return new Park(reason);
    }
}
