package gov.nist.javax.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import java.io.IOException;

/**
 * Vocadent's one reach into JAIN-SIP's package (it needs a protected method): sends a stateless
 * response back to where its request really came from — the UDP source address and port, or the
 * TCP connection — whatever the request's Via claims. Used for requests answered without a
 * transaction (OPTIONS, REGISTER, refusals), so a lying or odd Via (RFC 4475 torture messages,
 * broken NATs) neither makes the stack dial out over TCP nor loses the answer.
 */
public final class ReplyToSource {
    private ReplyToSource() {}

    /**
     * Writes an already encoded response over the connection a request came on (stream transports
     * only); false when there is no open connection to write to.
     */
    public static boolean sendRaw(Object requestChannel, byte[] response) throws IOException {
        if (requestChannel instanceof ConnectionOrientedMessageChannel connection && connection.mySock != null
                && !connection.mySock.isClosed()) {
            synchronized (connection) {
                java.io.OutputStream out = connection.mySock.getOutputStream();
                out.write(response);
                out.flush();
            }
            return true;
        }
        return false;
    }

    public static void send(Object requestChannel, SIPMessage response) throws IOException {
        if (requestChannel instanceof UDPMessageChannel udp) {
            byte[] bytes = response.encodeAsBytes("UDP");
            udp.sendMessage(bytes, udp.getPeerPacketSourceAddress(), udp.getPeerPacketSourcePort(), "UDP", false);
        } else if (requestChannel instanceof ConnectionOrientedMessageChannel connection && connection.mySock != null
                && !connection.mySock.isClosed()) {
            byte[] bytes = response.encodeAsBytes(connection.getTransport());
            synchronized (connection) { // over the connection the request came on
                java.io.OutputStream out = connection.mySock.getOutputStream();
                out.write(bytes);
                out.flush();
            }
        } else if (requestChannel instanceof MessageChannel channel) {
            channel.sendMessage(response);
        } else {
            throw new IOException("no channel to answer on");
        }
    }
}
