package dev.vocadent.telephony.sdp;

/** An SDP body we cannot use: {@link #malformed} → 400, otherwise (no common codec) → 488. */
public final class SdpException extends Exception {
    private final boolean malformed;

    private SdpException(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    public static SdpException malformed(String message) {
        return new SdpException(message, true);
    }

    public static SdpException notAcceptable(String message) {
        return new SdpException(message, false);
    }

    public boolean malformed() {
        return malformed;
    }
}
