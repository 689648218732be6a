package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hand-written INVITEs over UDP: bad SDP and codec mismatches are refused and leave nothing behind. */
class RawSipTest {
    private static String invite(int localPort, String callId, String sdp) {
        return "INVITE sip:+441632960001@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + callId + "\r\n"
                + "From: <sip:+447700900123@127.0.0.1>;tag=t" + callId + "\r\n"
                + "To: <sip:+441632960001@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + localPort + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.getBytes(StandardCharsets.US_ASCII).length
                + "\r\n\r\n" + sdp;
    }

    /** Sends the request and returns the first final status line. */
    private static String finalResponse(int serverPort, String callId, String sdp) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(5000);
            byte[] msg = invite(s.getLocalPort(), callId, sdp).getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), serverPort));
            byte[] buf = new byte[4096];
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                String text = new String(buf, 0, p.getLength(), StandardCharsets.US_ASCII);
                String status = text.substring(0, text.indexOf('\r'));
                if (!status.matches("SIP/2.0 1\\d\\d.*")) {
                    return status;
                }
            }
        }
    }

    @Test
    void malformedSdpGets400AndNoCommonCodecGets488() throws Exception {
        try (var t = new TestServer()) {
            assertThat(finalResponse(t.port(), "bad-sdp", "this is not sdp\r\n")).startsWith("SIP/2.0 400");
            String g729 = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n";
            assertThat(finalResponse(t.port(), "no-codec", g729)).startsWith("SIP/2.0 488");
            t.awaitIdle();
            assertThat(t.server.activeCalls()).isZero();
            assertThat(t.ports.inUse()).isZero();
            assertThat(t.handler.probes).isEmpty();
        }
    }
}
