package dev.vocadent.postcall;

import dev.vocadent.core.api.BackendClient;

/** The backend client bound to a clinic's credentials (one client per clinic, as {@link BackendClient} requires). */
@FunctionalInterface
public interface BackendClientProvider {
    /** The client for the clinic; throws {@link IllegalStateException} if the clinic has no credentials here. */
    BackendClient forClinic(String clinicId);
}
