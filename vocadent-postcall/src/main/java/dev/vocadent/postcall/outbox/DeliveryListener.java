package dev.vocadent.postcall.outbox;

/** Told about failing and parked deliveries (the ops alerts listen). Must not throw or block. */
public interface DeliveryListener {
    DeliveryListener NONE = new DeliveryListener() {};

    /** An attempt failed; {@code item.attempts()} counts the failures so far. */
    default void failed(OutboxItem item, String reason) {}

    /** The item was parked for good. */
    default void parked(OutboxItem item, String reason) {}
}
