package dev.vocadent.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class SipMessagesTest {
    private static Request invite(String... headers) throws Exception {
        StringBuilder b = new StringBuilder("INVITE sip:01632960001@vocadent.example;user=phone SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n")
                .append("To: <sip:+441632960002@vocadent.example>\r\n")
                .append("Call-ID: c1@192.0.2.1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n");
        boolean from = false;
        for (String h : headers) {
            b.append(h).append("\r\n");
            from |= h.startsWith("From:");
        }
        if (!from) {
            b.append("From: <sip:+447700900123@carrier.example>;tag=a\r\n");
        }
        b.append("Content-Length: 0\r\n\r\n");
        return SipFactory.getInstance().createMessageFactory().createRequest(b.toString());
    }

    @Test
    void dialledNumberPrefersTheRequestUriThenTo() throws Exception {
        assertThat(SipMessages.dialledNumbers(invite())).containsExactly("01632960001", "+441632960002");
    }

    @Test
    void callerComesFromPAssertedIdentityBeforeFrom() throws Exception {
        assertThat(SipMessages.callerNumber(invite())).isEqualTo("+447700900123");
        assertThat(SipMessages.callerNumber(invite("P-Asserted-Identity: <tel:+447700900999>"))).isEqualTo("+447700900999");
        assertThat(SipMessages.callerNumber(invite("P-Asserted-Identity: \"Bob\" <sip:07700900888@carrier.example>")))
                .isEqualTo("+447700900888");
    }

    @Test
    void withheldOrAnonymousCallersHaveNoNumber() throws Exception {
        assertThat(SipMessages.callerNumber(invite("From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=x"))).isNull();
        assertThat(SipMessages.callerNumber(invite("From: <sip:withheld@carrier.example>;tag=x"))).isNull();
        assertThat(SipMessages.callerNumber(invite("Privacy: id", "P-Asserted-Identity: <tel:+447700900999>"))).isNull();
        assertThat(SipMessages.callerNumber(invite("From: <sip:reception@clinic.example>;tag=x"))).isNull();
    }
}
