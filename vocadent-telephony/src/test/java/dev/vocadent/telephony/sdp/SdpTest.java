package dev.vocadent.telephony.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SdpTest {
    private static byte[] sdp(String media, String extra) {
        return ("v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" + media + extra)
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void picksTheOfferersFirstSupportedCodecAndTelephoneEvent() throws Exception {
        SdpOffer o = Sdp.parseOffer(sdp("m=audio 4000 RTP/AVP 18 8 0 96\r\n",
                "a=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\n"));
        assertThat(o.codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(o.payloadType()).isEqualTo(8);
        assertThat(o.telephoneEventPayloadType()).isEqualTo(96);
        assertThat(o.port()).isEqualTo(4000);
        assertThat(o.address().getHostAddress()).isEqualTo("192.0.2.10");
        assertThat(o.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(o.hold()).isFalse();
    }

    @Test
    void answerMirrorsTheOfferAndRejectsOtherStreams() throws Exception {
        SdpOffer o = Sdp.parseOffer(sdp("m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n"
                + "m=video 5000 RTP/AVP 96\r\n", ""));
        assertThat(o.hold()).isTrue();
        String answer = Sdp.answer(o, "127.0.0.1", 30000, 42, 2, o.direction().answer());
        assertThat(answer).contains("m=audio 30000 RTP/AVP 0 101\r\n", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
                "a=recvonly", "m=video 0 RTP/AVP 96", "o=vocadent 42 2 IN IP4 127.0.0.1", "c=IN IP4 127.0.0.1");
    }

    @Test
    void noCommonCodecIsNotAcceptable() {
        assertThatThrownBy(() -> Sdp.parseOffer(sdp("m=audio 4000 RTP/AVP 18 9\r\n", "")))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.malformed()).isFalse());
        assertThatThrownBy(() -> Sdp.parseOffer(sdp("m=audio 0 RTP/AVP 0\r\n", "")))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.malformed()).isFalse());
    }

    @Test
    void malformedSdpIsMalformed() {
        for (byte[] bad : new byte[][] {
                new byte[0],
                "hello".getBytes(StandardCharsets.US_ASCII),
                "v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\n".getBytes(StandardCharsets.US_ASCII),
                sdp("m=audio x RTP/AVP 0\r\n", ""),
                sdp("m=audio 4000 RTP/AVP zero\r\n", ""),
                sdp("m=audio 4000\r\n", ""),
                ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n").getBytes(StandardCharsets.US_ASCII),
                ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 host.example\r\nm=audio 4000 RTP/AVP 0\r\n").getBytes(StandardCharsets.US_ASCII)}) {
            assertThatThrownBy(() -> Sdp.parseOffer(bad)).isInstanceOfSatisfying(SdpException.class,
                    e -> assertThat(e.malformed()).as(new String(bad, StandardCharsets.US_ASCII)).isTrue());
        }
    }

    @Test
    void rfc2543HoldWithZeroAddressIsHold() throws Exception {
        byte[] body = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Sdp.parseOffer(body).hold()).isTrue();
    }

    @Test
    void ipv6ConnectionIsAccepted() throws Exception {
        byte[] body = "v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Sdp.parseOffer(body).address().getHostAddress()).startsWith("2001:db8");
    }
}
