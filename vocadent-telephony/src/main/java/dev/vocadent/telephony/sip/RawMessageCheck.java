package dev.vocadent.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks on a request's raw bytes that JAIN-SIP's parser does not make, so that malformed
 * requests get the answer RFC 4475 / RFC 5118 expect instead of being processed or dropped:
 * <ul>
 *   <li>SIP-Version other than SIP/2.0 → 505 (the parser accepts {@code SIP/7.0}; 4475 3.1.2.16 badvers)</li>
 *   <li>a single-valued header given twice (Call-ID, From, To, CSeq, Max-Forwards, Content-Length,
 *       Content-Type) → 400 (the parser keeps one; 3.3.8 multi01, 3.3.9 mcl01)</li>
 *   <li>Call-ID, From or To missing → 400 (the stack drops such a request silently; 3.3.1 insuf)</li>
 *   <li>CSeq method other than the request's method → 400 (JAIN-SIP checks this over UDP only;
 *       3.1.2.17 mismatch01, 3.1.2.18 mismatch02)</li>
 *   <li>an IPv6 address without brackets in a SIP Request-URI → 400 (the parser reads it as host +
 *       port; RFC 5118 4.2 ipv6-bad)</li>
 * </ul>
 * Responses and ACKs are never checked (nothing may answer them).
 */
final class RawMessageCheck {
    /** The answer a rejected request gets. */
    record Rejection(int status, String reason) {}

    private static final Map<String, String> COMPACT = Map.of("i", "call-id", "f", "from", "t", "to",
            "l", "content-length", "c", "content-type", "v", "via");
    private static final List<String> SINGLE = List.of("call-id", "from", "to", "cseq", "max-forwards",
            "content-length", "content-type");

    private RawMessageCheck() {}

    /** Why the request must be refused, or null when it may go on. */
    static Rejection check(byte[] msg) {
        int headEnd = headEnd(msg);
        String head = new String(msg, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        if (lines.length == 0) {
            return null;
        }
        String requestLine = lines[0];
        if (requestLine.startsWith("SIP/") || requestLine.startsWith("ACK ")) {
            return null;
        }
        String[] parts = requestLine.trim().split(" +");
        if (parts.length < 3) {
            return null; // leave to the parser
        }
        String version = parts[parts.length - 1];
        if (version.toUpperCase(Locale.ROOT).startsWith("SIP/") && !version.equalsIgnoreCase("SIP/2.0")) {
            return new Rejection(505, "Version Not Supported");
        }
        Map<String, Integer> counts = new HashMap<>();
        String cseqMethod = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            counts.merge(name, 1, Integer::sum);
            if (name.equals("cseq")) {
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                cseqMethod = f.length == 2 ? f[1] : null;
            }
        }
        for (String single : SINGLE) {
            if (counts.getOrDefault(single, 0) > 1) {
                return new Rejection(400, "Bad Request (" + single + " given more than once)");
            }
        }
        for (String required : List.of("call-id", "from", "to")) {
            if (!counts.containsKey(required)) {
                return new Rejection(400, "Bad Request (missing " + required + ")");
            }
        }
        if (cseqMethod != null && !cseqMethod.equals(parts[0])) {
            return new Rejection(400, "Bad Request (CSeq method does not match the request)");
        }
        if (unbracketedIpv6(parts[1])) {
            return new Rejection(400, "Bad Request (IPv6 reference without brackets)");
        }
        return null;
    }

    /** The request with any missing Call-ID, From, To filled in, so the stack will hand it to us to refuse. */
    static byte[] withPlaceholders(byte[] msg) {
        int headEnd = headEnd(msg);
        String head = new String(msg, 0, headEnd, StandardCharsets.ISO_8859_1);
        String lower = ("\n" + head).toLowerCase(Locale.ROOT).replace("\r", "");
        StringBuilder add = new StringBuilder();
        if (!lower.contains("\ncall-id:") && !lower.matches("(?s).*\ni\\s*:.*")) {
            add.append("Call-ID: missing-").append(Integer.toHexString(java.util.Arrays.hashCode(msg))).append("\r\n");
        }
        if (!lower.contains("\nfrom:") && !lower.matches("(?s).*\nf\\s*:.*")) {
            add.append("From: <sip:missing@invalid>;tag=missing\r\n");
        }
        if (!lower.contains("\nto:") && !lower.matches("(?s).*\nt\\s*:.*")) {
            add.append("To: <sip:missing@invalid>\r\n");
        }
        if (add.isEmpty()) {
            return msg;
        }
        int firstEol = head.indexOf('\n') + 1;
        byte[] extra = add.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[msg.length + extra.length];
        System.arraycopy(msg, 0, out, 0, firstEol);
        System.arraycopy(extra, 0, out, firstEol, extra.length);
        System.arraycopy(msg, firstEol, out, firstEol + extra.length, msg.length - firstEol);
        return out;
    }

    /**
     * For a request the parser cannot read: the request line and the headers a 400 needs (Via,
     * CSeq, Call-ID, From, To), as raw lines, so the refusal can still be built. Null when those
     * are missing or it is not a request.
     */
    static byte[] minimalRequest(byte[] msg) {
        int headEnd = headEnd(msg);
        String head = new String(msg, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        if (lines.length == 0 || lines[0].startsWith("SIP/") || lines[0].startsWith("ACK ")) {
            return null;
        }
        String[] parts = lines[0].trim().split(" +");
        if (parts.length < 3) {
            return null;
        }
        StringBuilder b = new StringBuilder(parts[0]).append(" sip:invalid SIP/2.0\r\n");
        int found = 0;
        for (String want : List.of("via", "cseq", "call-id", "from", "to")) {
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (COMPACT.getOrDefault(name, name).equals(want)) {
                    b.append(lines[i]).append("\r\n");
                    found++;
                    break;
                }
            }
        }
        if (found < 5) {
            return null;
        }
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A complete {@code 400 Bad Request} for a request whose Via, From, To, Call-ID or CSeq even the
     * parser cannot read, built from the request's raw header lines (copied as they are, as RFC 3261
     * 8.2.6.2 asks, folded lines joined). Null when it is not a request or one of them is missing.
     */
    static byte[] rawBadRequest(byte[] msg, String reason) {
        int headEnd = headEnd(msg);
        String head = new String(msg, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        if (lines.length == 0 || lines[0].startsWith("SIP/") || lines[0].startsWith("ACK ")
                || lines[0].trim().split(" +").length < 3) {
            return null;
        }
        Map<String, StringBuilder> found = new HashMap<>();
        List<String> vias = new java.util.ArrayList<>();
        StringBuilder current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current != null) {
                    current.append(' ').append(line.strip());
                }
                continue;
            }
            current = null;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            if (name.equals("via")) {
                current = new StringBuilder(line.strip());
                vias.add(String.valueOf(vias.size()));
                found.put("via" + (vias.size() - 1), current);
            } else if (List.of("from", "to", "call-id", "cseq").contains(name) && !found.containsKey(name)) {
                current = new StringBuilder(line.strip());
                found.put(name, current);
            }
        }
        if (vias.isEmpty() || !found.keySet().containsAll(List.of("from", "to", "call-id", "cseq"))) {
            return null;
        }
        StringBuilder r = new StringBuilder("SIP/2.0 400 Bad Request (")
                .append(reason.replaceAll("[\\r\\n]+", " ")).append(")\r\n");
        for (String v : vias) {
            r.append(found.get("via" + v)).append("\r\n");
        }
        for (String h : List.of("from", "to", "call-id", "cseq")) {
            r.append(found.get(h)).append("\r\n");
        }
        r.append("Content-Length: 0\r\n\r\n");
        return r.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean unbracketedIpv6(String uri) {
        String u = uri.toLowerCase(Locale.ROOT);
        if (!u.startsWith("sip:") && !u.startsWith("sips:")) {
            return false;
        }
        String rest = uri.substring(uri.indexOf(':') + 1);
        int end = rest.length();
        for (char c : new char[] {';', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hostport = rest.substring(0, end);
        int at = hostport.lastIndexOf('@');
        if (at >= 0) {
            hostport = hostport.substring(at + 1);
        }
        return !hostport.startsWith("[") && hostport.chars().filter(c -> c == ':').count() > 1;
    }

    private static int headEnd(byte[] msg) {
        for (int i = 0; i + 1 < msg.length; i++) {
            if (msg[i] == '\n' && (msg[i + 1] == '\n' || (msg[i + 1] == '\r' && i + 2 < msg.length && msg[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return msg.length;
    }
}
