package dev.vocadent.telephony.sip;

import java.nio.charset.StandardCharsets;

/** Reads the status line of a message/sipfrag body (RFC 3420), as NOTIFYs for REFER carry it. */
final class Sipfrag {
    private Sipfrag() {}

    /** The status code of {@code SIP/2.0 200 OK}, or -1 when the body is not a status line. */
    static int status(byte[] body) {
        if (body == null) {
            return -1;
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        int eol = text.indexOf('\n');
        String line = (eol >= 0 ? text.substring(0, eol) : text).trim();
        String[] f = line.split(" +", 3);
        if (f.length < 2 || !f[0].equalsIgnoreCase("SIP/2.0") || f[1].length() != 3) {
            return -1;
        }
        try {
            return Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
