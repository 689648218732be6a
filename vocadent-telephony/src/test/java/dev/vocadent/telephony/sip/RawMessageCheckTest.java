package dev.vocadent.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawMessageCheckTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBadRequestForAnUnreadableRequestCopiesItsOwnHeaderLinesAsTheyAre() {
        // RFC 4475 scalar02's CSeq does not fit any number type and badinv01's Via has stray separators;
        // the stream reader hands lines over with LF only
        String request = "REGISTER sip:example.com SIP/2.0\n"
                + "v: SIP/2.0/UDP 192.0.2.15;;,;,,\n"
                + "Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3\n"
                + "To: <sip:user@example.com>\n"
                + "From: <sip:user@example.com>;tag=239232jh3\n"
                + "CSeq: 36893488147419103232 REGISTER\n"
                + "Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32\n"
                + "Contact: <sip:user@host129.example.com>\n"
                + "  ;expires=280297596632815\n"
                + "Content-Length: 0\n\n";
        String answer = new String(RawMessageCheck.rawBadRequest(bytes(request), "unreadable header"), StandardCharsets.ISO_8859_1);
        assertThat(answer).isEqualTo("SIP/2.0 400 Bad Request (unreadable header)\r\n"
                + "v: SIP/2.0/UDP 192.0.2.15;;,;,,\r\n"
                + "Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3\r\n"
                + "From: <sip:user@example.com>;tag=239232jh3\r\n"
                + "To: <sip:user@example.com>\r\n"
                + "Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32\r\n"
                + "CSeq: 36893488147419103232 REGISTER\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    @Test
    void noRawBadRequestForAResponseAnAckOrARequestMissingAHeaderItNeeds() {
        assertThat(RawMessageCheck.rawBadRequest(bytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP a\r\n\r\n"), "x")).isNull();
        assertThat(RawMessageCheck.rawBadRequest(bytes("ACK sip:a SIP/2.0\r\nVia: SIP/2.0/TCP a\r\nFrom: a\r\nTo: b\r\n"
                + "Call-ID: c\r\nCSeq: 1 ACK\r\n\r\n"), "x")).isNull();
        assertThat(RawMessageCheck.rawBadRequest(bytes("OPTIONS sip:a SIP/2.0\r\nVia: SIP/2.0/TCP a\r\nFrom: a\r\nTo: b\r\n"
                + "CSeq: 1 OPTIONS\r\n\r\n"), "x")).as("no Call-ID").isNull();
        assertThat(RawMessageCheck.rawBadRequest(bytes("C\n\n"), "x")).as("stray bytes between messages").isNull();
    }
}
