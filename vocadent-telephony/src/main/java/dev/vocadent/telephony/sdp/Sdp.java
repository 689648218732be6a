package dev.vocadent.telephony.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses SDP offers (RFC 4566 / 3264, the parts a G.711 phone call needs) and writes answers. */
public final class Sdp {
    private static final int MAX_BODY = 16 * 1024;

    private Sdp() {}

    /** Parses an offer; throws {@link SdpException} (malformed → 400, no common codec → 488). */
    public static SdpOffer parseOffer(byte[] body) throws SdpException {
        if (body == null || body.length == 0) {
            throw SdpException.malformed("empty SDP");
        }
        if (body.length > MAX_BODY) {
            throw SdpException.malformed("SDP larger than " + MAX_BODY + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n");
        String sessionConnection = null;
        Direction sessionDirection = Direction.SENDRECV;
        boolean sawV = false;
        boolean sawO = false;
        boolean sawS = false;
        List<SdpOffer.MediaLine> media = new ArrayList<>();
        List<String> mediaConnection = new ArrayList<>();
        List<Direction> mediaDirection = new ArrayList<>();
        List<Map<Integer, String>> rtpmaps = new ArrayList<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.length() < 2 || raw.charAt(1) != '=' || raw.charAt(0) < 'a' || raw.charAt(0) > 'z') {
                throw SdpException.malformed("SDP line " + lineNo + " is not type=value");
            }
            char type = raw.charAt(0);
            String value = raw.substring(2).trim();
            if (lineNo == 1 && type != 'v') {
                throw SdpException.malformed("SDP must start with v=");
            }
            int m = media.size() - 1;
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw SdpException.malformed("unsupported SDP version " + value);
                    }
                    sawV = true;
                }
                case 'o' -> {
                    if (value.split(" ").length != 6) {
                        throw SdpException.malformed("o= needs 6 fields");
                    }
                    sawO = true;
                }
                case 's' -> sawS = true;
                case 'c' -> {
                    if (m < 0) {
                        sessionConnection = value;
                    } else {
                        mediaConnection.set(m, value);
                    }
                }
                case 'm' -> {
                    String[] f = value.split(" +");
                    if (f.length < 4) {
                        throw SdpException.malformed("m= needs media, port, protocol and formats");
                    }
                    int port;
                    try {
                        String p = f[1].contains("/") ? f[1].substring(0, f[1].indexOf('/')) : f[1];
                        port = Integer.parseInt(p);
                    } catch (NumberFormatException e) {
                        throw SdpException.malformed("m= port is not a number: " + f[1]);
                    }
                    if (port < 0 || port > 65535) {
                        throw SdpException.malformed("m= port out of range: " + port);
                    }
                    media.add(new SdpOffer.MediaLine(f[0].toLowerCase(Locale.ROOT), port, f[2],
                            List.of(java.util.Arrays.copyOfRange(f, 3, f.length))));
                    mediaConnection.add(null);
                    mediaDirection.add(null);
                    rtpmaps.add(new HashMap<>());
                }
                case 'a' -> {
                    Direction d = switch (value.toLowerCase(Locale.ROOT)) {
                        case "sendrecv" -> Direction.SENDRECV;
                        case "sendonly" -> Direction.SENDONLY;
                        case "recvonly" -> Direction.RECVONLY;
                        case "inactive" -> Direction.INACTIVE;
                        default -> null;
                    };
                    if (d != null) {
                        if (m < 0) {
                            sessionDirection = d;
                        } else {
                            mediaDirection.set(m, d);
                        }
                    } else if (m >= 0 && value.startsWith("rtpmap:")) {
                        String[] f = value.substring(7).split(" ", 2);
                        try {
                            rtpmaps.get(m).put(Integer.parseInt(f[0].trim()), f.length > 1 ? f[1].trim() : "");
                        } catch (NumberFormatException e) {
                            throw SdpException.malformed("rtpmap payload type is not a number: " + f[0]);
                        }
                    }
                }
                default -> { }
            }
        }
        if (!sawV || !sawO || !sawS) {
            throw SdpException.malformed("SDP lacks v=, o= or s=");
        }
        if (media.isEmpty()) {
            throw SdpException.notAcceptable("SDP offers no media");
        }
        for (int i = 0; i < media.size(); i++) {
            SdpOffer.MediaLine line = media.get(i);
            if (!line.media().equals("audio") || line.port() == 0 || !line.protocol().equalsIgnoreCase("RTP/AVP")) {
                continue;
            }
            AudioCodec codec = null;
            int pt = -1;
            int te = -1;
            for (String fmt : line.formats()) {
                int p;
                try {
                    p = Integer.parseInt(fmt);
                } catch (NumberFormatException e) {
                    throw SdpException.malformed("RTP/AVP format is not a payload type: " + fmt);
                }
                if (p < 0 || p > 127) {
                    throw SdpException.malformed("payload type out of range: " + p);
                }
                String map = rtpmaps.get(i).get(p);
                String name = map == null ? null : map.toLowerCase(Locale.ROOT);
                if (codec == null) {
                    if ((map == null && p == 0) || (name != null && name.startsWith("pcmu/8000"))) {
                        codec = AudioCodec.PCMU;
                        pt = p;
                    } else if ((map == null && p == 8) || (name != null && name.startsWith("pcma/8000"))) {
                        codec = AudioCodec.PCMA;
                        pt = p;
                    }
                }
                if (te < 0 && name != null && name.startsWith("telephone-event/8000")) {
                    te = p;
                }
            }
            if (codec == null) {
                continue;
            }
            String c = mediaConnection.get(i) != null ? mediaConnection.get(i) : sessionConnection;
            if (c == null) {
                throw SdpException.malformed("no c= line for the audio stream");
            }
            InetAddress address = parseConnection(c);
            Direction dir = mediaDirection.get(i) != null ? mediaDirection.get(i) : sessionDirection;
            return new SdpOffer(address, line.port(), codec, pt, te, dir, List.copyOf(media), i);
        }
        throw SdpException.notAcceptable("no common audio codec (we accept PCMU and PCMA over RTP/AVP)");
    }

    private static InetAddress parseConnection(String c) throws SdpException {
        String[] f = c.split(" +");
        if (f.length != 3 || !f[0].equals("IN") || !(f[1].equals("IP4") || f[1].equals("IP6"))) {
            throw SdpException.malformed("bad c= line: " + c);
        }
        String addr = f[2];
        int slash = addr.indexOf('/');
        if (slash >= 0) {
            addr = addr.substring(0, slash);
        }
        boolean literal = f[1].equals("IP4") ? addr.matches("\\d{1,3}(\\.\\d{1,3}){3}") : addr.matches("[0-9a-fA-F:.]+");
        if (!literal) {
            throw SdpException.malformed("c= address must be a literal IP address: " + addr);
        }
        try {
            return InetAddress.getByName(addr);
        } catch (UnknownHostException e) {
            throw SdpException.malformed("bad c= address: " + addr);
        }
    }

    /**
     * Writes our answer: one audio stream on {@code localPort} with the chosen codec (and
     * telephone-event when offered), the answering direction; other m-lines rejected (port 0).
     */
    public static String answer(SdpOffer offer, String localAddress, int localPort, long sessionId,
                                long version, Direction direction) {
        String ipVer = localAddress.contains(":") ? "IP6" : "IP4";
        StringBuilder b = new StringBuilder();
        b.append("v=0\r\n");
        b.append("o=vocadent ").append(sessionId).append(' ').append(version).append(" IN ").append(ipVer).append(' ')
                .append(localAddress).append("\r\n");
        b.append("s=vocadent\r\n");
        b.append("c=IN ").append(ipVer).append(' ').append(localAddress).append("\r\n");
        b.append("t=0 0\r\n");
        for (int i = 0; i < offer.mediaLines().size(); i++) {
            SdpOffer.MediaLine line = offer.mediaLines().get(i);
            if (i != offer.audioIndex()) {
                b.append("m=").append(line.media()).append(" 0 ").append(line.protocol()).append(' ')
                        .append(line.formats().getFirst()).append("\r\n");
                continue;
            }
            b.append("m=audio ").append(localPort).append(" RTP/AVP ").append(offer.payloadType());
            if (offer.telephoneEventPayloadType() >= 0) {
                b.append(' ').append(offer.telephoneEventPayloadType());
            }
            b.append("\r\n");
            b.append("a=rtpmap:").append(offer.payloadType()).append(' ').append(offer.codec().name()).append("/8000\r\n");
            if (offer.telephoneEventPayloadType() >= 0) {
                b.append("a=rtpmap:").append(offer.telephoneEventPayloadType()).append(" telephone-event/8000\r\n");
                b.append("a=fmtp:").append(offer.telephoneEventPayloadType()).append(" 0-16\r\n");
            }
            b.append("a=ptime:20\r\n");
            b.append("a=").append(direction.attribute()).append("\r\n");
        }
        return b.toString();
    }
}
