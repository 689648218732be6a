package dev.vocadent.telephony.caller;

import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.sip.NoMessageLogger;
import dev.vocadent.telephony.sip.Slf4jStackLogger;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal SIP user agent client on JAIN-SIP (UDP): places calls with a G.711 offer, answers the
 * 200 OK with ACK, starts an {@link dev.vocadent.telephony.rtp.RtpSession} towards the answer's
 * media address, hangs up with BYE and accepts the far end's BYE. One stack serves many calls.
 */
public final class SipCaller implements SipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipCaller.class);

    private final String host;
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final int port;
    private final Map<String, CallerCall> calls = new ConcurrentHashMap<>();

    private SipCaller(String host) throws Exception {
        this.host = host;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "vocadent-caller-" + System.identityHashCode(this));
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", NoMessageLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        stack = factory.createSipStack(p);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        int chosen;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
            chosen = probe.getLocalPort();
        }
        port = chosen;
        ListeningPoint udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
        provider = stack.createSipProvider(udp);
        provider.addSipListener(this);
        stack.start();
    }

    /** A caller whose SIP (UDP) listens on a free port of {@code host} (e.g. 127.0.0.1). */
    public static SipCaller start(String host) throws IOException {
        try {
            return new SipCaller(host);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the SIP caller on " + host + ": " + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code dialled} (E.164) at the server as {@code callerNumber}; {@code media} hears the far
     * end and speaks for the caller once answered. Returns at once; see {@link CallerCall#answered()}.
     */
    public CallerCall dial(InetSocketAddress server, String dialled, String callerNumber, MediaSession media) throws Exception {
        CallIdHeader callId = provider.getNewCallId();
        CallerCall call = new CallerCall(this, callId.getCallId(), host, media);
        SipURI target = addresses.createSipURI(dialled, server.getAddress().getHostAddress());
        target.setPort(server.getPort());
        SipURI fromUri = addresses.createSipURI(callerNumber, host);
        Address from = addresses.createAddress(fromUri);
        Address to = addresses.createAddress(addresses.createSipURI(dialled, server.getAddress().getHostAddress()));
        SipURI contactUri = addresses.createSipURI(callerNumber, host);
        contactUri.setPort(port);
        ViaHeader via = headers.createViaHeader(host, port, ListeningPoint.UDP, null);
        Request invite = messages.createRequest(target, Request.INVITE, callId, headers.createCSeqHeader(1L, Request.INVITE),
                headers.createFromHeader(from, Long.toHexString(System.nanoTime())), headers.createToHeader(to, null),
                List.of(via), headers.createMaxForwardsHeader(70));
        invite.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
        invite.addHeader(headers.createUserAgentHeader(List.of("vocadent-caller")));
        invite.setContent(call.offer().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                headers.createContentTypeHeader("application", "sdp"));
        calls.put(call.callId(), call);
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        ct.sendRequest();
        return call;
    }

    void bye(Dialog dialog) throws Exception {
        Request bye = dialog.createRequest(Request.BYE);
        ClientTransaction ct = provider.getNewClientTransaction(bye);
        dialog.sendRequest(ct);
    }

    void ended(CallerCall call) {
        calls.remove(call.callId(), call);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        CallerCall call = calls.get(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        if (call == null || cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        try {
            if (r.getStatusCode() >= 200 && r.getStatusCode() < 300) {
                Dialog dialog = event.getDialog();
                if (dialog == null) {
                    return;
                }
                dialog.sendAck(dialog.createAck(cseq.getSeqNumber())); // also for retransmitted 200s
                call.onAnswer(dialog, r.getRawContent());
            } else if (r.getStatusCode() >= 300) {
                call.onRefused(r.getStatusCode() + " " + r.getReasonPhrase());
            }
        } catch (Exception e) {
            log.warn("call {}: answer handling failed: {}", call.callId(), e.toString());
            call.onRefused(e.toString());
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                st = provider.getNewServerTransaction(request);
            }
            CallerCall call = calls.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
            if (Request.BYE.equals(request.getMethod()) && call != null) {
                st.sendResponse(messages.createResponse(Response.OK, request));
                call.onFarEndBye();
            } else if (Request.ACK.equals(request.getMethod())) {
                return;
            } else {
                st.sendResponse(messages.createResponse(call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                        : Response.NOT_IMPLEMENTED, request));
            }
        } catch (Exception e) {
            log.debug("caller: {} not answered: {}", request.getMethod(), e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction() != null) {
            Request req = event.getClientTransaction().getRequest();
            CallerCall call = calls.get(((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId());
            if (call != null && Request.INVITE.equals(req.getMethod())) {
                call.onRefused("no answer from the server (timeout)");
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("caller: SIP I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // calls end on BYE
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls end on BYE
    }

    /** Hangs up every call and stops the stack. */
    @Override
    public void close() {
        for (CallerCall c : calls.values()) {
            c.hangUp();
        }
        stack.stop();
    }
}
