package dev.vocadent.telephony.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 3261 8.2 checks a UAS makes on a new request before acting on it: URI scheme (416),
 * Require (420), Content-Type (415) and Accept (406).
 */
final class RequestChecks {
    private RequestChecks() {}

    /** The refusal to send, or null when the request may proceed. */
    static Response refusal(Request r, SipServer server) throws ParseException {
        String scheme = r.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return server.response(Response.UNSUPPORTED_URI_SCHEME, r);
        }
        if (Request.ACK.equals(r.getMethod())) {
            return null;
        }
        List<String> unsupported = new ArrayList<>();
        ListIterator<?> requires = r.getHeaders(RequireHeader.NAME);
        while (requires != null && requires.hasNext()) {
            Object h = requires.next();
            if (h instanceof RequireHeader req) {
                unsupported.add(req.getOptionTag());
            }
        }
        if (!unsupported.isEmpty()) {
            Response bad = server.response(Response.BAD_EXTENSION, r);
            for (String tag : unsupported) {
                bad.addHeader(server.headers.createUnsupportedHeader(tag));
            }
            return bad;
        }
        boolean invite = Request.INVITE.equals(r.getMethod());
        ContentTypeHeader ct = (ContentTypeHeader) r.getHeader(ContentTypeHeader.NAME);
        byte[] body = r.getRawContent();
        if (invite && body != null && body.length > 0
                && (ct == null || !(ct.getContentType().equalsIgnoreCase("application")
                && ct.getContentSubType().equalsIgnoreCase("sdp")))) {
            Response bad = server.response(Response.UNSUPPORTED_MEDIA_TYPE, r);
            bad.addHeader(server.headers.createAcceptHeader("application", "sdp"));
            return bad;
        }
        if (invite || Request.OPTIONS.equals(r.getMethod())) {
            ListIterator<?> accepts = r.getHeaders(AcceptHeader.NAME);
            boolean any = false;
            boolean sdp = false;
            while (accepts != null && accepts.hasNext()) {
                Object h = accepts.next();
                if (h instanceof AcceptHeader a) {
                    any = true;
                    String type = a.getContentType() == null ? "" : a.getContentType().toLowerCase(Locale.ROOT);
                    String sub = a.getContentSubType() == null ? "" : a.getContentSubType().toLowerCase(Locale.ROOT);
                    if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                        sdp = true;
                    }
                } else if (h instanceof Header) {
                    any = true;
                }
            }
            if (any && !sdp) {
                Response bad = server.response(Response.NOT_ACCEPTABLE, r);
                bad.addHeader(server.headers.createHeader("Warning", "399 vocadent \"only application/sdp bodies\""));
                return bad;
            }
        }
        return null;
    }
}
