package dev.vocadent.telephony.sip;

import dev.vocadent.telephony.CallHandler;
import dev.vocadent.telephony.ClinicLookup;
import dev.vocadent.telephony.routing.DidRouter;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vocadent's SIP user agent server, on the NIST JAIN-SIP reference implementation (its
 * transaction layer does RFC 3261 retransmissions and timers, its dialog layer retransmits the
 * 200 OK until the ACK). Listens on UDP and TCP; answers INVITEs for numbers a clinic answers with
 * G.711 RTP, drives one {@link SipCall} per call and hands its media to the {@link CallHandler}.
 */
public final class SipServer implements SipListenerExt, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY, INFO";

    final SipServerConfig config;
    final DidRouter router;
    final ClinicLookup lookup;
    final CallHandler handler;
    final InstantSource clock;
    final Map<String, SipCall> calls = new ConcurrentHashMap<>();
    private volatile Consumer<SipCall> callEndListener = c -> { };
    private SipStack stack;
    SipProvider provider;
    MessageFactory messages;
    HeaderFactory headers;
    AddressFactory addresses;
    private int port;
    private InetAddress bindAddress;

    public SipServer(SipServerConfig config, DidRouter router, ClinicLookup lookup, CallHandler handler, InstantSource clock) {
        this.config = config;
        this.router = router;
        this.lookup = lookup;
        this.handler = handler;
        this.clock = clock;
    }

    /** Binds UDP and TCP and starts answering. */
    public synchronized void start() throws Exception {
        bindAddress = InetAddress.getByName(config.host());
        port = config.port() == 0 ? freePort(bindAddress) : config.port();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "vocadent-" + port + "-" + System.identityHashCode(this));
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", NoMessageLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", ValidatingParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true"); // answer UDP to the source port (NAT)
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        stack = factory.createSipStack(p);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        ListeningPoint udp = stack.createListeningPoint(config.host(), port, ListeningPoint.UDP);
        ListeningPoint tcp = stack.createListeningPoint(config.host(), port, ListeningPoint.TCP);
        provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        provider.addSipListener(this);
        stack.start();
        log.info("SIP listening on {}:{} (UDP, TCP), RTP ports {} pairs, max {} calls", config.host(), port,
                config.ports().capacity(), config.maxCalls());
    }

    /** The SIP port (UDP and TCP). */
    public int port() {
        return port;
    }

    InetAddress bindAddress() {
        return bindAddress;
    }

    /** Calls in progress (ringing or answered). */
    public int activeCalls() {
        return calls.size();
    }

    /** Told about every call that ended (for tests and metrics). */
    public void onCallEnded(Consumer<SipCall> listener) {
        this.callEndListener = listener;
    }

    void ended(SipCall call) {
        calls.remove(call.callId(), call);
        callEndListener.accept(call);
    }

    /** Finds a port free for both UDP and TCP on {@code address}. */
    static int freePort(InetAddress address) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(address, 0))) {
                int candidate = d.getLocalPort();
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(false);
                    s.bind(new InetSocketAddress(address, candidate));
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free SIP port on " + address);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction st = null;
        try {
            String callId = SipMessages.callId(request);
            SipCall call = callId == null ? null : calls.get(callId);
            if (Request.ACK.equals(request.getMethod())) {
                if (call != null) {
                    call.onAck(event);
                }
                return;
            }
            st = serverTransaction(event);
            if (st == null) {
                return; // a retransmission the stack already absorbs
            }
            dispatch(st, request, call);
        } catch (Exception e) {
            log.warn("{} handling failed: {}", request.getMethod(), e.toString(), e);
            if (st != null) {
                try {
                    st.sendResponse(response(Response.SERVER_INTERNAL_ERROR, request));
                } catch (Exception ignored) {
                    // the transaction already has a final answer
                }
            }
        }
    }

    private void dispatch(ServerTransaction st, Request request, SipCall call) throws Exception {
        String method = request.getMethod();
        boolean inDialog = SipMessages.toTag(request) != null;
        if (!inDialog && !Request.CANCEL.equals(method)) {
            Response refusal = RequestChecks.refusal(request, this);
            if (refusal != null) {
                st.sendResponse(refusal);
                return;
            }
        }
        switch (method) {
            case Request.INVITE -> {
                if (inDialog) {
                    if (call == null) {
                        st.sendResponse(response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                    } else {
                        call.onReInvite(st, request);
                    }
                } else if (call != null) {
                    st.sendResponse(response(Response.LOOP_DETECTED, request)); // same Call-ID, new transaction
                } else {
                    newCall(st, request);
                }
            }
            case Request.BYE -> {
                if (call == null) {
                    st.sendResponse(response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                } else {
                    call.onBye(st, request);
                }
            }
            case Request.CANCEL -> {
                if (call == null) {
                    st.sendResponse(response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                } else {
                    call.onCancel(st, request);
                }
            }
            case Request.OPTIONS -> st.sendResponse(SipMessages.optionsOk(this, request));
            case Request.NOTIFY, Request.INFO -> {
                if (call == null) {
                    st.sendResponse(response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                } else if (Request.NOTIFY.equals(method)) {
                    call.onNotify(st, request);
                } else {
                    call.onInfo(st, request);
                }
            }
            case Request.REGISTER, Request.SUBSCRIBE, Request.PUBLISH, Request.MESSAGE, Request.REFER,
                 Request.UPDATE, Request.PRACK -> {
                Response r = response(Response.METHOD_NOT_ALLOWED, request);
                addAllow(r);
                st.sendResponse(r);
            }
            default -> {
                Response r = response(Response.NOT_IMPLEMENTED, request);
                addAllow(r);
                st.sendResponse(r);
            }
        }
    }

    private void newCall(ServerTransaction st, Request request) throws Exception {
        if (calls.size() >= config.maxCalls()) {
            Response busy = response(Response.SERVICE_UNAVAILABLE, request);
            busy.addHeader(headers.createRetryAfterHeader(config.retryAfterSeconds()));
            st.sendResponse(busy);
            log.info("at max calls ({}): 503", config.maxCalls());
            return;
        }
        Optional<String> dialled = SipMessages.dialledNumbers(request).stream()
                .filter(n -> router.clinicFor(n).isPresent()).findFirst();
        if (dialled.isEmpty()) {
            st.sendResponse(response(Response.NOT_FOUND, request));
            log.info("no clinic answers the dialled number: 404");
            return;
        }
        String clinicId = router.clinicFor(dialled.get()).orElseThrow();
        SipCall call = new SipCall(this, st, request, clinicId,
                dev.vocadent.telephony.routing.PhoneNumbers.toE164(dialled.get()).orElse(dialled.get()),
                SipMessages.callerNumber(request));
        if (calls.putIfAbsent(call.callId(), call) != null) {
            st.sendResponse(response(Response.LOOP_DETECTED, request));
            return;
        }
        call.begin();
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction st = event.getServerTransaction();
        if (st != null) {
            return st;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (Exception e) {
            log.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.toString());
            return null;
        }
    }

    Response response(int status, Request request) throws java.text.ParseException {
        Response r = messages.createResponse(status, request);
        SipMessages.ensureToTag(r, status);
        return r;
    }

    void addAllow(Response r) throws java.text.ParseException {
        for (String m : ALLOW.split(", ")) {
            r.addHeader(headers.createAllowHeader(m));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        SipCall call = calls.get(SipMessages.callId(event.getResponse()));
        if (call != null) {
            call.onResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        javax.sip.Transaction t = event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction();
        if (t == null) {
            return;
        }
        SipCall call = calls.get(SipMessages.callId(t.getRequest()));
        if (call != null) {
            call.onTimeout(t);
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        SipCall call = calls.get(event.getDialog().getCallId().getCallId());
        if (call != null) {
            call.onAckTimeout();
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        SipCall call = calls.get(event.getDialog().getCallId().getCallId());
        if (call != null) {
            call.onDialogTerminated();
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing: calls end on BYE, CANCEL, timeouts and dialog termination
    }

    /** Ends every call with BYE and stops the stack. */
    @Override
    public synchronized void close() {
        for (SipCall call : calls.values()) {
            call.shutdown();
        }
        if (stack != null) {
            stack.stop();
            stack = null;
        }
    }
}
