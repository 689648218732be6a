package dev.vocadent.postcall.outbox;

/**
 * Delivers one kind of outbox item. Must be idempotent where the destination allows (blob names,
 * backend session id). Exceptions it throws count as a retryable failure.
 */
public interface Destination {
    ItemKind kind();

    Delivery deliver(OutboxItem item) throws Exception;

    /** Results the destinations return. */
    static Delivery done() {
        return Delivery.done();
    }

    static Delivery retry(String reason) {
        return Delivery.retry(reason);
    }

    static Delivery retry(String reason, java.time.Duration after) {
        return Delivery.retry(reason, after);
    }

    static Delivery park(String reason) {
        return Delivery.park(reason);
    }
}
