package dev.vocadent.telephony.sip;

import dev.vocadent.core.tenant.PhoneNumbers;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Small helpers over JAIN-SIP messages: identities, numbers, tags, our Contact and OPTIONS answer. */
final class SipMessages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> ANONYMOUS_USERS = Set.of("anonymous", "withheld", "restricted", "unavailable",
            "unknown", "private", "anonymous.invalid");

    private SipMessages() {}

    static String callId(Message m) {
        CallIdHeader h = (CallIdHeader) m.getHeader(CallIdHeader.NAME);
        return h == null ? null : h.getCallId();
    }

    static String toTag(Request r) {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    static void ensureToTag(Response r, int status) throws ParseException {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (status > 100 && to != null && to.getTag() == null) {
            to.setTag(Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
        }
    }

    /** The dialled number candidates: the Request-URI user first, then the To user. */
    static List<String> dialledNumbers(Request r) {
        List<String> out = new ArrayList<>();
        addUser(out, r.getRequestURI());
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to != null) {
            addUser(out, to.getAddress().getURI());
        }
        return out;
    }

    private static void addUser(List<String> out, URI uri) {
        String user = userOf(uri);
        if (user != null && !user.isBlank()) {
            out.add(user);
        }
    }

    static String userOf(URI uri) {
        if (uri instanceof SipURI sip) {
            String user = sip.getUser();
            if (user == null) {
                return null;
            }
            int semi = user.indexOf(';');
            return semi >= 0 ? user.substring(0, semi) : user;
        }
        if (uri instanceof TelURL tel) {
            return (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
        }
        return null;
    }

    /**
     * The caller's number in E.164 from P-Asserted-Identity (first tel or sip identity), else
     * From; null when withheld (Privacy: id, anonymous identities) or not a phone number.
     */
    static String callerNumber(Request r) {
        Header privacy = r.getHeader("Privacy");
        if (privacy != null && privacy.toString().toLowerCase(Locale.ROOT).matches("(?s).*\\b(id|user|header)\\b.*")) {
            return null;
        }
        ListIterator<?> pais = r.getHeaders("P-Asserted-Identity");
        while (pais != null && pais.hasNext()) {
            Object h = pais.next();
            if (h instanceof HeaderAddress ha && ha.getAddress() != null) {
                String n = numberOf(ha.getAddress());
                if (n != null) {
                    return n;
                }
            }
        }
        FromHeader from = (FromHeader) r.getHeader(FromHeader.NAME);
        return from == null ? null : numberOf(from.getAddress());
    }

    private static String numberOf(Address address) {
        String display = address.getDisplayName();
        URI uri = address.getURI();
        if (display != null && ANONYMOUS_USERS.contains(display.trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (uri instanceof SipURI sip && sip.getHost() != null
                && sip.getHost().toLowerCase(Locale.ROOT).equals("anonymous.invalid")) {
            return null;
        }
        String user = userOf(uri);
        if (user == null || ANONYMOUS_USERS.contains(user.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return PhoneNumbers.toE164(user).orElse(null);
    }

    static String transportOf(Request r) {
        ViaHeader via = (ViaHeader) r.getHeader(ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    static ContactHeader contact(SipServer server, Request r) throws ParseException {
        SipURI uri = server.addresses.createSipURI("vocadent", server.config.advertisedAddress());
        uri.setPort(server.port());
        String transport = transportOf(r);
        if (!"udp".equals(transport)) {
            uri.setTransportParam(transport);
        }
        return server.headers.createContactHeader(server.addresses.createAddress(uri));
    }

    static Response optionsOk(SipServer server, Request r) throws ParseException {
        Response ok = server.response(Response.OK, r);
        server.addAllow(ok);
        ok.addHeader(server.headers.createAcceptHeader("application", "sdp"));
        ok.addHeader(server.headers.createHeader("Accept-Language", "en"));
        ok.addHeader(contact(server, r));
        return ok;
    }
}
