package dev.vocadent.telephony.sdp;

import java.net.InetAddress;
import java.util.List;

/**
 * What we took from a remote SDP offer: the audio stream's address and port, the codec chosen
 * (the first of the offer's formats we support, in the offerer's order), the telephone-event
 * payload type (-1 when none), the offered direction, and the m-lines to answer.
 */
public record SdpOffer(InetAddress address, int port, AudioCodec codec, int payloadType,
                       int telephoneEventPayloadType, Direction direction, List<MediaLine> mediaLines,
                       int audioIndex) {

    /** An m-line as offered: media, protocol and formats. */
    public record MediaLine(String media, int port, String protocol, List<String> formats) {}

    /** True when the offer puts the call on hold: the offerer will not receive (sendonly/inactive, or RFC 2543 c=0.0.0.0). */
    public boolean hold() {
        return !direction.receives() || address.isAnyLocalAddress();
    }
}
