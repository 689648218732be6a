package dev.vocadent.backend;

/** Tells config caches that a clinic's config changed (Redis channel {@code vocadent:config-invalidate}). */
public interface ConfigPublisher extends AutoCloseable {
    String CHANNEL = "vocadent:config-invalidate";

    /** Publishes the clinic id; failures are logged, never thrown (the config is already stored). */
    void configChanged(String clinicId);

    @Override
    default void close() {}

    /** Without Redis: nothing to tell. */
    static ConfigPublisher none() {
        return clinicId -> {};
    }
}
