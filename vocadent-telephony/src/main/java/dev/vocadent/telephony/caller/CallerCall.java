package dev.vocadent.telephony.caller;

import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.rtp.RtpSession;
import dev.vocadent.telephony.sdp.Direction;
import dev.vocadent.telephony.sdp.Sdp;
import dev.vocadent.telephony.sdp.SdpOffer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javax.sip.Dialog;

/**
 * One call placed by {@link SipCaller}: its RTP session (bound when the call is created, started on
 * the 200 OK), {@link #answered()} and {@link #ended()}. Ending — our BYE or the far end's — closes the
 * RTP session and tells the media session once.
 */
public final class CallerCall {
    private static final int PCMU = 0;
    private static final int TELEPHONE_EVENT = 101;

    private final SipCaller caller;
    private final String callId;
    private final String host;
    private final MediaSession media;
    private final RtpSession rtp;
    private final CompletableFuture<Void> answered = new CompletableFuture<>();
    private final CompletableFuture<EndReason> ended = new CompletableFuture<>();
    private Dialog dialog;

    CallerCall(SipCaller caller, String callId, String host, MediaSession media) throws SocketException, java.net.UnknownHostException {
        this.caller = caller;
        this.callId = callId;
        this.host = host;
        this.media = media;
        this.rtp = bindRtp(InetAddress.getByName(host), media);
    }

    /** An RTP session on a free even port (and the odd one above it for RTCP). */
    private static RtpSession bindRtp(InetAddress address, MediaSession media) throws SocketException {
        SocketException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address, 0))) {
                port = probe.getLocalPort() & ~1;
            }
            try {
                return new RtpSession(address, port, dev.vocadent.telephony.sdp.AudioCodec.PCMU, PCMU, TELEPHONE_EVENT,
                        media, () -> { }, 0, Clock.systemUTC(), 2, 10);
            } catch (SocketException taken) {
                last = taken;
            }
        }
        throw last;
    }

    public String callId() {
        return callId;
    }

    /** Completes when the server answered (200 OK, ACK sent, media flowing); fails when refused. */
    public CompletableFuture<Void> answered() {
        return answered;
    }

    /** Completes once the call is over: {@code AGENT_HUNG_UP} (the far end sent BYE) or {@code CALLER_HUNG_UP} (we did). */
    public CompletableFuture<EndReason> ended() {
        return ended;
    }

    String offer() {
        long id = System.currentTimeMillis();
        return "v=0\r\no=vocadent-caller " + id + " 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio " + rtp.localPort() + " RTP/AVP " + PCMU + " " + TELEPHONE_EVENT + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";
    }

    synchronized void onAnswer(Dialog d, byte[] sdp) throws Exception {
        if (dialog != null || ended.isDone()) {
            return; // a retransmitted 200 OK: the ACK has been re-sent
        }
        dialog = d;
        SdpOffer answer = Sdp.parseOffer(sdp);
        rtp.start(new InetSocketAddress(answer.address(), answer.port()), Direction.SENDRECV);
        answered.complete(null);
    }

    void onRefused(String why) {
        answered.completeExceptionally(new IllegalStateException("the call was not answered: " + why));
        end(EndReason.CALLER_GONE);
    }

    void onFarEndBye() {
        end(EndReason.AGENT_HUNG_UP);
    }

    /** Sends BYE (when answered) and ends the call. */
    public void hangUp() {
        Dialog d;
        synchronized (this) {
            d = dialog;
        }
        if (d != null && !ended.isDone()) {
            try {
                caller.bye(d);
            } catch (Exception e) {
                // the far end may have hung up at the same moment
            }
        }
        end(EndReason.CALLER_HUNG_UP);
    }

    private void end(EndReason reason) {
        synchronized (this) {
            if (ended.isDone()) {
                return;
            }
            ended.complete(reason);
        }
        rtp.close();
        caller.ended(this);
        media.onEnd(reason);
    }
}
