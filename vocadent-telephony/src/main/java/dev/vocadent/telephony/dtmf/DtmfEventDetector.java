package dev.vocadent.telephony.dtmf;

import java.util.function.Consumer;

/**
 * Turns RFC 4733 telephone-event payloads into digits. An event is identified by its RTP
 * timestamp (the event's start), not by the marker bit, which carriers often omit. A digit is
 * delivered once: when the first end packet of its event arrives (the two retransmitted end
 * packets are ignored), or, if every end packet was lost, when a packet of a newer event arrives.
 * Not thread-safe: feed it from the receive thread only.
 */
public final class DtmfEventDetector {
    private static final String DIGITS = "0123456789*#ABCD";
    private final Consumer<Character> sink;
    private long currentTimestamp = -1;
    private int currentEvent = -1;
    private boolean currentDelivered;

    public DtmfEventDetector(Consumer<Character> sink) {
        this.sink = sink;
    }

    /** Feeds one telephone-event payload with its RTP timestamp. Malformed payloads are ignored. */
    public void onPacket(long rtpTimestamp, byte[] buf, int off, int len) {
        if (len < 4) {
            return;
        }
        int event = buf[off] & 0xff;
        boolean end = (buf[off + 1] & 0x80) != 0;
        if (rtpTimestamp != currentTimestamp) {
            if (isNewer(rtpTimestamp, currentTimestamp) || currentTimestamp < 0) {
                if (currentTimestamp >= 0 && !currentDelivered) {
                    deliver(currentEvent);
                }
                currentTimestamp = rtpTimestamp;
                currentEvent = event;
                currentDelivered = false;
            } else {
                return; // a late packet of an older event
            }
        }
        if (end && !currentDelivered) {
            currentDelivered = true;
            deliver(currentEvent);
        }
    }

    /** Delivers a started event whose end never came (call this when the stream stops). */
    public void flush() {
        if (currentTimestamp >= 0 && !currentDelivered) {
            currentDelivered = true;
            deliver(currentEvent);
        }
    }

    private static boolean isNewer(long ts, long than) {
        return ((int) (ts - than)) > 0;
    }

    private void deliver(int event) {
        if (event >= 0 && event < DIGITS.length()) {
            sink.accept(DIGITS.charAt(event));
        }
    }
}
