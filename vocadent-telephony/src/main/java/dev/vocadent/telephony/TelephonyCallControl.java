package dev.vocadent.telephony;

import dev.vocadent.core.tools.CallControl;

/**
 * {@link CallControl} of a SIP call. {@code hangUp} waits until the agent has no more audio to
 * send ({@link MediaSession#nextAgentFrame} returned false) — at most a few seconds — then sends
 * BYE; {@code transfer} sends REFER to the number and follows the NOTIFYs.
 */
public interface TelephonyCallControl extends CallControl {
    /** The SIP Call-ID of this call. */
    String callId();
}
