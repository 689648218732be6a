package dev.vocadent.telephony;

/** Why a call ended, as the transport saw it. */
public enum EndReason {
    /** The caller sent BYE. */
    CALLER_HUNG_UP,
    /** No RTP from the caller for the inactivity timeout, or the caller never acknowledged the answer:
     *  the caller is gone (the session records {@code hung_up}). */
    CALLER_GONE,
    /** The agent asked to hang up ({@code CallControl.hangUp}); we sent BYE. */
    AGENT_HUNG_UP,
    /** The caller was transferred (REFER accepted and the target answered). */
    TRANSFERRED,
    /** The server is shutting down. */
    SHUTDOWN
}
