package dev.vocadent.telephony.sip;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.privacy.Redact;
import dev.vocadent.telephony.CallInfo;
import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.TelephonyCallControl;
import dev.vocadent.telephony.rtp.RtpSession;
import dev.vocadent.telephony.sdp.Direction;
import dev.vocadent.telephony.sdp.Sdp;
import dev.vocadent.telephony.sdp.SdpException;
import dev.vocadent.telephony.sdp.SdpOffer;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.Transaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call from INVITE to its end: answer, media, re-INVITE, BYE either way, CANCEL, REFER. */
public final class SipCall implements TelephonyCallControl {
    private static final Logger log = LoggerFactory.getLogger(SipCall.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { RINGING, ANSWERED, CONFIRMED, ENDED }

    private final SipServer server;
    private final ServerTransaction invite;
    private final Request inviteRequest;
    private final String callId;
    private final String clinicId;
    private final String dialled;
    private final String caller;
    private final long sdpSessionId = RANDOM.nextLong() & 0xffffffffL;
    private long sdpVersion = 1;
    private State state = State.RINGING;
    private Dialog dialog;
    private SdpOffer offer;
    private int rtpPort = -1;
    private RtpSession rtp;
    private MediaSession media;
    private EndReason endReason;
    private boolean byePending;
    private EndReason byeReason;
    private CompletableFuture<Boolean> transfer;
    private String toTag;
    private CallInfo info;
    private dev.vocadent.telephony.recording.CallRecorder recorder;

    SipCall(SipServer server, ServerTransaction invite, Request request, String clinicId, String dialled, String caller) {
        this.server = server;
        this.invite = invite;
        this.inviteRequest = request;
        this.callId = SipMessages.callId(request);
        this.clinicId = clinicId;
        this.dialled = dialled;
        this.caller = caller;
    }

    @Override
    public String callId() {
        return callId;
    }

    public String clinicId() {
        return clinicId;
    }

    public synchronized EndReason endReason() {
        return endReason;
    }

    /** 100, SDP check, 180, then the clinic lookup; the answer follows when the lookup completes. */
    void begin() throws Exception {
        invite.sendResponse(server.messages.createResponse(Response.TRYING, inviteRequest));
        try {
            offer = Sdp.parseOffer(inviteRequest.getRawContent());
        } catch (SdpException e) {
            int status = e.malformed() ? Response.BAD_REQUEST : Response.NOT_ACCEPTABLE_HERE;
            Response r = server.response(status, inviteRequest);
            r.setReasonPhrase(e.malformed() ? "Malformed SDP" : "Not Acceptable Here");
            r.addHeader(server.headers.createHeader("Warning", "399 vocadent \"" + e.getMessage().replace('"', '\'') + "\""));
            finishUnanswered(r);
            return;
        }
        Response ringing = server.response(Response.RINGING, inviteRequest);
        toTag = ((ToHeader) ringing.getHeader(ToHeader.NAME)).getTag();
        ringing.addHeader(SipMessages.contact(server, inviteRequest));
        invite.sendResponse(ringing);
        dialog = invite.getDialog();
        log.info("call {} for clinic {} from {}: ringing", callId, clinicId, Redact.phone(caller));
        CompletableFuture<ClinicConfig> config;
        try {
            config = server.lookup.lookup(clinicId);
        } catch (RuntimeException e) {
            config = CompletableFuture.failedFuture(e);
        }
        config.whenComplete((c, err) -> {
            try {
                if (err != null || c == null) {
                    log.warn("call {}: clinic {} config unavailable: {}", callId, clinicId, err == null ? "none" : err.toString());
                    failUnanswered(Response.TEMPORARILY_UNAVAILABLE);
                } else {
                    answer(c);
                }
            } catch (Exception e) {
                log.warn("call {}: answering failed", callId, e);
                failUnanswered(Response.SERVER_INTERNAL_ERROR);
            }
        });
    }

    private synchronized void answer(ClinicConfig clinic) throws Exception {
        if (state != State.RINGING) {
            return; // cancelled meanwhile
        }
        MediaSessionGuard guard = new MediaSessionGuard(callId, null);
        RtpSession session = null;
        for (int attempt = 0; attempt < 8 && session == null; attempt++) {
            int port = server.config.ports().allocate();
            if (port < 0) {
                break;
            }
            try {
                session = new RtpSession(server.bindAddress(), port, offer.codec(), offer.payloadType(),
                        offer.telephoneEventPayloadType(), guard, this::onRtpInactive, server.config.rtpTimeoutMillis(),
                        server.clock, server.config.jitterMinFrames(), server.config.jitterMaxFrames());
                rtpPort = port;
            } catch (SocketException taken) {
                server.config.ports().release(port);
            }
        }
        if (session == null) {
            log.warn("call {}: no free RTP port", callId);
            finishUnanswered(withRetryAfter(server.response(Response.SERVICE_UNAVAILABLE, inviteRequest)));
            return;
        }
        rtp = session;
        info = new CallInfo(callId, clinicId, clinic, dialled, caller, offer.codec().name());
        java.nio.file.Path dir = server.recordingDir;
        if (dir != null) {
            try {
                recorder = new dev.vocadent.telephony.recording.CallRecorder(
                        dir.resolve(callId.replaceAll("[^A-Za-z0-9._-]", "_") + ".opus"), server.recordStereo);
                rtp.setTap(recorder);
            } catch (java.io.IOException e) {
                log.warn("call {}: cannot record: {}", callId, e.toString());
            }
        }
        media = guard.bind(server.handler.open(info, this));
        Direction ours = offer.hold() ? Direction.INACTIVE.equals(offer.direction()) ? Direction.INACTIVE : Direction.RECVONLY
                : offer.direction().answer();
        String sdp = Sdp.answer(offer, server.config.advertisedAddress(), rtpPort, sdpSessionId, sdpVersion, ours);
        Response ok = server.response(Response.OK, inviteRequest);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(toTag);
        ok.addHeader(SipMessages.contact(server, inviteRequest));
        ok.setContent(sdp.getBytes(StandardCharsets.US_ASCII), server.headers.createContentTypeHeader("application", "sdp"));
        rtp.start(new InetSocketAddress(offer.address(), offer.port()), ours);
        state = State.ANSWERED;
        invite.sendResponse(ok);
        log.info("call {} answered ({} on RTP port {})", callId, offer.codec(), rtpPort);
    }

    private Response withRetryAfter(Response r) throws Exception {
        r.addHeader(server.headers.createRetryAfterHeader(server.config.retryAfterSeconds()));
        return r;
    }

    private synchronized void failUnanswered(int status) {
        if (state != State.RINGING) {
            return;
        }
        try {
            finishUnanswered(server.response(status, inviteRequest));
        } catch (Exception e) {
            log.debug("call {}: could not send {}: {}", callId, status, e.toString());
            end(EndReason.CALLER_GONE, false);
        }
    }

    private synchronized void finishUnanswered(Response r) throws Exception {
        if (toTag != null) {
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(toTag);
        }
        state = State.ENDED;
        releaseMedia(EndReason.CALLER_GONE);
        server.ended(this);
        invite.sendResponse(r);
    }

    private void releaseMedia(EndReason reason) {
        if (endReason == null) {
            endReason = reason;
        }
        if (rtp != null) {
            rtp.close();
        }
        if (rtpPort >= 0) {
            server.config.ports().release(rtpPort);
            rtpPort = -1;
        }
        if (recorder != null) {
            dev.vocadent.telephony.recording.CallRecorder r = recorder;
            recorder = null;
            try {
                r.close();
                var listener = server.recordingListener;
                if (listener != null) {
                    listener.recorded(info, r.file());
                }
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("call {}: recording failed: {}", callId, e.toString());
            }
        }
        if (media != null) {
            try {
                media.onEnd(endReason);
            } catch (RuntimeException e) {
                log.warn("call {}: session onEnd failed", callId, e);
            }
        }
    }

    synchronized void onAck(RequestEvent event) {
        if (state == State.ANSWERED) {
            state = State.CONFIRMED;
            if (event.getDialog() != null) {
                dialog = event.getDialog();
            }
            if (byePending) {
                sendBye(byeReason);
            }
        }
    }

    synchronized void onReInvite(ServerTransaction st, Request request) throws Exception {
        if (state != State.CONFIRMED && state != State.ANSWERED) {
            st.sendResponse(server.response(Response.REQUEST_PENDING, request));
            return;
        }
        byte[] body = request.getRawContent();
        SdpOffer next = offer;
        if (body != null && body.length > 0) {
            try {
                next = Sdp.parseOffer(body);
            } catch (SdpException e) {
                st.sendResponse(server.response(e.malformed() ? Response.BAD_REQUEST : Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
            if (next.codec() != offer.codec()) {
                st.sendResponse(server.response(Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
        }
        Direction ours = next.hold() ? (next.direction() == Direction.INACTIVE ? Direction.INACTIVE : Direction.RECVONLY)
                : next.direction().answer();
        offer = next;
        sdpVersion++;
        rtp.update(next.address().isAnyLocalAddress() ? null : new InetSocketAddress(next.address(), next.port()), ours);
        Response ok = server.response(Response.OK, request);
        ok.addHeader(SipMessages.contact(server, request));
        String sdp = Sdp.answer(next, server.config.advertisedAddress(), rtpPort, sdpSessionId, sdpVersion, ours);
        ok.setContent(sdp.getBytes(StandardCharsets.US_ASCII), server.headers.createContentTypeHeader("application", "sdp"));
        st.sendResponse(ok);
        log.info("call {}: re-INVITE, now {}", callId, ours.attribute());
    }

    synchronized void onBye(ServerTransaction st, Request request) throws Exception {
        st.sendResponse(server.response(Response.OK, request));
        end(EndReason.CALLER_HUNG_UP, false);
    }

    synchronized void onCancel(ServerTransaction st, Request request) throws Exception {
        st.sendResponse(server.response(Response.OK, request));
        if (state == State.RINGING) {
            Response terminated = server.response(Response.REQUEST_TERMINATED, inviteRequest);
            finishUnanswered(terminated);
            log.info("call {} cancelled before answer", callId);
        }
    }

    synchronized void onNotify(ServerTransaction st, Request request) throws Exception {
        st.sendResponse(server.response(Response.OK, request));
        Header event = request.getHeader("Event");
        if (event == null || !event.toString().toLowerCase().contains("refer") || transfer == null) {
            return;
        }
        int status = Sipfrag.status(request.getRawContent());
        Header subState = request.getHeader("Subscription-State");
        boolean terminated = subState != null && subState.toString().toLowerCase().contains("terminated");
        if (status >= 200 && status < 300) {
            log.info("call {}: transfer answered", callId);
            CompletableFuture<Boolean> t = transfer;
            transfer = null;
            t.complete(true);
            sendBye(EndReason.TRANSFERRED);
        } else if (status >= 300 || terminated) {
            log.info("call {}: transfer failed ({})", callId, status);
            CompletableFuture<Boolean> t = transfer;
            transfer = null;
            t.complete(false);
        }
    }

    synchronized void onInfo(ServerTransaction st, Request request) throws Exception {
        st.sendResponse(server.response(Response.OK, request));
        ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        byte[] body = request.getRawContent();
        if (ct != null && body != null && "dtmf-relay".equalsIgnoreCase(ct.getContentSubType()) && media != null) {
            for (String line : new String(body, StandardCharsets.US_ASCII).split("\r?\n")) {
                String l = line.trim();
                if (l.toLowerCase().startsWith("signal=") && l.length() > 7) {
                    media.onDtmf(Character.toUpperCase(l.substring(7).trim().charAt(0)));
                }
            }
        }
    }

    synchronized void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        String method = event.getClientTransaction() == null ? null : event.getClientTransaction().getRequest().getMethod();
        if (Request.REFER.equals(method) && r.getStatusCode() >= 300 && transfer != null) {
            log.info("call {}: REFER refused ({})", callId, r.getStatusCode());
            CompletableFuture<Boolean> t = transfer;
            transfer = null;
            t.complete(false);
        }
    }

    synchronized void onTimeout(Transaction t) {
        String method = t.getRequest().getMethod();
        if (Request.REFER.equals(method) && transfer != null) {
            CompletableFuture<Boolean> f = transfer;
            transfer = null;
            f.complete(false);
        } else if (Request.INVITE.equals(method) || Request.BYE.equals(method)) {
            end(EndReason.CALLER_GONE, false);
        }
    }

    synchronized void onAckTimeout() {
        log.info("call {}: no ACK for the 200 OK: caller gone", callId);
        end(EndReason.CALLER_GONE, false);
        sendByeQuietly(EndReason.CALLER_GONE);
    }

    synchronized void onDialogTerminated() {
        end(endReason == null ? EndReason.CALLER_GONE : endReason, false);
    }

    private void onRtpInactive() {
        synchronized (this) {
            if (state == State.CONFIRMED || state == State.ANSWERED) {
                sendBye(EndReason.CALLER_GONE);
            }
        }
    }

    synchronized void shutdown() {
        if (state == State.RINGING) {
            failUnanswered(Response.SERVICE_UNAVAILABLE);
        } else {
            sendBye(EndReason.SHUTDOWN);
        }
    }

    @Override
    public void hangUp(String reason) {
        RtpSession r;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            if (state == State.RINGING && rtp == null) {
                failUnanswered(Response.TEMPORARILY_UNAVAILABLE);
                return;
            }
            r = rtp; // answered, or being answered (hangUp from inside CallHandler.open)
        }
        log.info("call {}: agent hangs up ({})", callId, reason);
        r.whenDrained(() -> {
            synchronized (SipCall.this) {
                sendBye(EndReason.AGENT_HUNG_UP);
            }
        }, server.config.hangUpDrainMillis());
    }

    @Override
    public synchronized CompletableFuture<Boolean> transfer(String number) {
        if (state != State.CONFIRMED || dialog == null || transfer != null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        try {
            String e164 = dev.vocadent.core.tenant.PhoneNumbers.toE164(number)
                    .orElseThrow(() -> new IllegalArgumentException("not a phone number"));
            Request refer = dialog.createRequest(Request.REFER);
            String host = dialog.getRemoteTarget().getURI() instanceof SipURI s ? s.getHost() : server.config.advertisedAddress();
            SipURI target = server.addresses.createSipURI(e164, host);
            target.setUserParam("phone");
            Address address = server.addresses.createAddress(target);
            refer.addHeader(server.headers.createReferToHeader(address));
            refer.addHeader(server.headers.createHeader("Referred-By", "<sip:vocadent@" + server.config.advertisedAddress() + ">"));
            ClientTransaction ct = server.provider.getNewClientTransaction(refer);
            transfer = result;
            dialog.sendRequest(ct);
            log.info("call {}: REFER to the front desk sent", callId);
        } catch (Exception e) {
            log.warn("call {}: REFER failed: {}", callId, e.toString());
            transfer = null;
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture.delayedExecutor(server.config.transferTimeoutMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            synchronized (SipCall.this) {
                if (transfer == result) {
                    transfer = null;
                }
            }
            result.complete(false);
        });
        return result;
    }

    /** Sends BYE (now when confirmed, after the ACK when only answered) and ends the call. */
    private void sendBye(EndReason reason) {
        if (state == State.ENDED) {
            return;
        }
        if (state == State.ANSWERED) {
            byePending = true;
            byeReason = reason;
            return;
        }
        if (state == State.RINGING) {
            failUnanswered(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        sendByeQuietly(reason);
        end(reason, true);
    }

    private void sendByeQuietly(EndReason reason) {
        try {
            if (dialog != null && dialog.getState() != DialogState.TERMINATED) {
                Request bye = dialog.createRequest(Request.BYE);
                bye.addHeader(server.headers.createHeader("Reason", "SIP;cause=200;text=\"" + reason.name().toLowerCase() + "\""));
                ClientTransaction ct = server.provider.getNewClientTransaction(bye);
                dialog.sendRequest(ct);
            }
        } catch (Exception e) {
            log.debug("call {}: BYE failed: {}", callId, e.toString());
        }
    }

    /** Frees the media and the RTP port, tells the session, forgets the call. Idempotent. */
    private void end(EndReason reason, boolean weSentBye) {
        if (endReason != null) {
            return;
        }
        state = State.ENDED;
        if (transfer != null) {
            transfer.complete(false);
            transfer = null;
        }
        releaseMedia(reason);
        server.ended(this);
        log.info("call {} ended: {}", callId, reason.name().toLowerCase());
    }
}
