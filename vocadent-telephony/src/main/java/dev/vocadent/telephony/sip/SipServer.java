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
    volatile java.nio.file.Path recordingDir;
    volatile boolean recordStereo;
    volatile dev.vocadent.telephony.recording.RecordingListener recordingListener;
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

    /**
     * Records every answered call to {@code dir/<call-id>.opus} (Ogg/Opus, mono mix or stereo:
     * caller left, agent right) and hands the path to {@code listener} when the call has ended.
     */
    public void recordCalls(java.nio.file.Path dir, boolean stereo, dev.vocadent.telephony.recording.RecordingListener listener) {
        this.recordStereo = stereo;
        this.recordingListener = listener;
        this.recordingDir = dir;
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

    /** Sends a response: through the server transaction, or statelessly. */
    @FunctionalInterface
    interface Responder {
        void send(Response response) throws Exception;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        Responder respond = null;
        try {
            answerOverArrivalTransport(request);
            String method = request.getMethod();
            String callId = SipMessages.callId(request);
            SipCall call = callId == null ? null : calls.get(callId);
            if (Request.ACK.equals(method)) {
                if (call != null) {
                    call.onAck(event);
                }
                return;
            }
            // Requests outside any call are answered statelessly (RFC 3261 8.2.7), refused INVITEs
            // included: nothing to remember, a retransmission gets the same answer again, and no
            // transaction lingers (JAIN-SIP keys server transactions by branch alone, so a lingering
            // one would swallow an unrelated request that reuses the branch). Only an INVITE that
            // becomes a call gets a transaction.
            boolean stateless = call == null && !Request.CANCEL.equals(method);
            javax.sip.header.Header reject = request.getHeader(ValidatingParserFactory.REJECT_HEADER);
            if (reject != null) {
                String v = ((javax.sip.header.ExtensionHeader) reject).getValue();
                int sp = v.indexOf(' ');
                Response r = messages.createResponse(Integer.parseInt(v.substring(0, sp)), request);
                r.setReasonPhrase(v.substring(sp + 1));
                sendStateless(request, r);
                log.debug("refused a malformed {}: {}", method, v);
                return;
            }
            ServerTransaction st = null;
            if (stateless) {
                respond = response -> sendStateless(request, response);
            } else {
                st = serverTransaction(event);
                if (st == null) {
                    return; // a retransmission the stack already absorbs
                }
                respond = st::sendResponse;
            }
            dispatch(event, respond, st, request, call);
        } catch (Exception e) {
            log.warn("{} handling failed: {}", request.getMethod(), e.toString(), e);
            if (respond != null) {
                try {
                    respond.send(response(Response.SERVER_INTERNAL_ERROR, request));
                } catch (Exception ignored) {
                    // the transaction already has a final answer
                }
            }
        }
    }

    /**
     * Sends a response without a transaction, back over the connection or to the address and port
     * the request came from (also when another request holds the same branch, which the torture
     * messages do on purpose and which makes the stack's own stateless send refuse).
     */
    private void sendStateless(Request request, Response response) throws Exception {
        if (request instanceof gov.nist.javax.sip.message.SIPRequest sr && sr.getMessageChannel() != null) {
            // Forget the stack's provisional transaction first: it lives until the listener returns,
            // and a new request with the same branch sent as soon as this answer arrives would be
            // taken for a retransmission of this one and swallowed.
            if (sr.getTransaction() instanceof gov.nist.javax.sip.stack.SIPServerTransaction tx
                    && stack instanceof gov.nist.javax.sip.stack.SIPTransactionStack ts) {
                ts.removePendingTransaction(tx);
            }
            gov.nist.javax.sip.stack.ReplyToSource.send(sr.getMessageChannel(), (gov.nist.javax.sip.message.SIPMessage) response);
        } else {
            provider.sendResponse(response);
        }
    }

    /**
     * A request whose top Via names another transport than the one it came over (a UDP datagram
     * saying {@code SIP/2.0/TCP}) is answered over the transport it used: the Via's transport is
     * corrected, so the stack neither dials out over TCP/TLS nor drops the answer.
     */
    private static void answerOverArrivalTransport(Request request) throws java.text.ParseException {
        if (request instanceof gov.nist.javax.sip.message.SIPRequest sr
                && sr.getMessageChannel() instanceof gov.nist.javax.sip.stack.MessageChannel mc) {
            javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
            String actual = mc.getTransport();
            if (via != null && actual != null && !actual.equalsIgnoreCase(via.getTransport())) {
                via.setTransport(actual.toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    private void dispatch(RequestEvent event, Responder respond, ServerTransaction st, Request request, SipCall call)
            throws Exception {
        String method = request.getMethod();
        boolean inDialog = SipMessages.toTag(request) != null;
        if (!inDialog && !Request.CANCEL.equals(method)) {
            Response refusal = RequestChecks.refusal(request, this);
            if (refusal != null) {
                respond.send(refusal);
                return;
            }
        }
        switch (method) {
            case Request.INVITE -> {
                if (inDialog) {
                    if (call == null) {
                        respond.send(response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                    } else {
                        call.onReInvite(st, request);
                    }
                } else if (call != null) {
                    respond.send(response(Response.LOOP_DETECTED, request)); // same Call-ID, new transaction
                } else {
                    newCall(event, respond, request);
                }
            }
            case Request.BYE, Request.CANCEL, Request.NOTIFY, Request.INFO -> {
                if (call == null) {
                    respond.send(response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                } else {
                    switch (method) {
                        case Request.BYE -> call.onBye(st, request);
                        case Request.CANCEL -> call.onCancel(st, request);
                        case Request.NOTIFY -> call.onNotify(st, request);
                        default -> call.onInfo(st, request);
                    }
                }
            }
            case Request.OPTIONS -> respond.send(SipMessages.optionsOk(this, request));
            case Request.REGISTER, Request.SUBSCRIBE, Request.PUBLISH, Request.MESSAGE, Request.REFER,
                 Request.UPDATE, Request.PRACK -> {
                Response r = response(Response.METHOD_NOT_ALLOWED, request);
                addAllow(r);
                respond.send(r);
            }
            default -> {
                Response r = response(Response.NOT_IMPLEMENTED, request);
                addAllow(r);
                respond.send(r);
            }
        }
    }

    private void newCall(RequestEvent event, Responder respond, Request request) throws Exception {
        if (calls.size() >= config.maxCalls()) {
            Response busy = response(Response.SERVICE_UNAVAILABLE, request);
            busy.addHeader(headers.createRetryAfterHeader(config.retryAfterSeconds()));
            respond.send(busy);
            log.info("at max calls ({}): 503", config.maxCalls());
            return;
        }
        Optional<String> dialled = Optional.empty();
        String clinicId = null;
        for (String n : SipMessages.dialledNumbers(request)) { // Request-URI user first, then To
            Optional<String> clinic = router.clinicFor(n);
            if (clinic.isPresent()) {
                dialled = Optional.of(n);
                clinicId = clinic.get();
                break;
            }
        }
        if (dialled.isEmpty()) {
            respond.send(response(Response.NOT_FOUND, request));
            log.info("no clinic answers the dialled number: 404");
            return;
        }
        ServerTransaction st = serverTransaction(event);
        if (st == null) {
            return; // retransmission of an INVITE already being answered
        }
        SipCall call = new SipCall(this, st, request, clinicId,
                dev.vocadent.core.tenant.PhoneNumbers.toE164(dialled.get()).orElse(dialled.get()),
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
