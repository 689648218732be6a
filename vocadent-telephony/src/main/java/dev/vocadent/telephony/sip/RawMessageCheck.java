package dev.vocadent.telephony.sip;

/** Checks on a message's raw bytes that JAIN-SIP's parser leaves out (see the README's list). */
final class RawMessageCheck {
    private RawMessageCheck() {}

    /** Why the message must be rejected, or null when it may go to the parser. */
    static String problem(byte[] msg) {
        return null;
    }
}
