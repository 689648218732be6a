package dev.vocadent.telephony.sip;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;

/**
 * JAIN-SIP's parser with {@link RawMessageCheck} in front. A request the check refuses is still
 * parsed (with placeholders for missing Call-ID/From/To, so the stack does not drop it) and carries
 * a {@value #REJECT_HEADER} header with the status and reason; {@link SipServer} answers it with
 * that status before anything else looks at it.
 */
public final class ValidatingParserFactory implements MessageParserFactory {
    /** Headers without which a request cannot be answered (JAIN-SIP's notion, as in its channels). */
    private static final java.util.Set<Class<?>> MANDATORY = java.util.Set.of(gov.nist.javax.sip.header.From.class,
            gov.nist.javax.sip.header.To.class, gov.nist.javax.sip.header.Via.class, gov.nist.javax.sip.header.CallID.class,
            gov.nist.javax.sip.header.CSeq.class, gov.nist.javax.sip.header.RequestLine.class,
            gov.nist.javax.sip.header.StatusLine.class);

    /** Internal marker header set on requests to refuse: {@code <status> <reason>}. */
    static final String REJECT_HEADER = "X-Vocadent-Reject";

    public ValidatingParserFactory() {}

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        StringMsgParser inner = new StringMsgParser();
        return new MessageParser() {
            @Override
            public SIPMessage parseSIPMessage(byte[] msgBytes, boolean readBody, boolean strict,
                                              ParseExceptionListener exhandler) throws ParseException {
                if (exhandler instanceof gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel connection) {
                    return viaTransportOfArrival(parseFromStream(msgBytes, readBody, strict, connection), exhandler);
                }
                return viaTransportOfArrival(parse(msgBytes, readBody, strict, exhandler), exhandler);
            }

            /**
             * Over TCP the connection's own handler closes the connection when a mandatory header
             * (Via, From, To, Call-ID, CSeq, the request line) does not parse, with no answer and
             * taking any answer still due on it along (RFC 4475 badinv01, scalar02, quotbal,
             * ltgtruri, lwsruri; dblreq's surplus body bytes). Here such a request gets a 400 and
             * the connection stays open: built by the stack when the headers a 400 needs can be read
             * on their own, else written raw from the request's own header lines. Anything else
             * unreadable is left out (the stream reader skips it).
             */
            private SIPMessage parseFromStream(byte[] msgBytes, boolean readBody, boolean strict,
                                               gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel connection)
                    throws ParseException {
                ParseExceptionListener mandatoryFails = (ex, message, headerClass, header, text) -> {
                    if (MANDATORY.contains(headerClass)) {
                        throw ex;
                    }
                    connection.handleException(ex, message, headerClass, header, text);
                };
                try {
                    return parse(msgBytes, readBody, strict, mandatoryFails);
                } catch (ParseException e) {
                    byte[] refusal = msgBytes == null ? null : RawMessageCheck.rawBadRequest(msgBytes, "unreadable header");
                    if (refusal != null) {
                        try {
                            gov.nist.javax.sip.stack.ReplyToSource.sendRaw(connection, refusal);
                        } catch (java.io.IOException gone) {
                            // the caller closed the connection
                        }
                    }
                    throw e;
                }
            }

            private SIPMessage parse(byte[] msgBytes, boolean readBody, boolean strict,
                                     ParseExceptionListener exhandler) throws ParseException {
                RawMessageCheck.Rejection rejection = msgBytes == null ? null : RawMessageCheck.check(msgBytes);
                if (rejection == null) {
                    try {
                        return inner.parseSIPMessage(msgBytes, readBody, strict, exhandler);
                    } catch (ParseException e) {
                        // Unreadable: answer 400 over any transport (the stack itself only does so
                        // over UDP, and closes TCP connections without a word).
                        byte[] minimal = RawMessageCheck.minimalRequest(msgBytes);
                        if (minimal == null) {
                            throw e;
                        }
                        SIPMessage m;
                        try {
                            m = inner.parseSIPMessage(minimal, true, false, null);
                        } catch (ParseException again) {
                            throw e;
                        }
                        if (m == null || m.getFrom() == null || m.getTo() == null || m.getCallId() == null
                                || m.getCSeq() == null || m.getTopmostVia() == null) {
                            throw e; // the stack's own handling (400 over UDP when it can, else drop)
                        }
                        mark(m, "400 Bad Request (" + e.getMessage() + ")");
                        return m;
                    }
                }
                SIPMessage m = inner.parseSIPMessage(RawMessageCheck.withPlaceholders(msgBytes), readBody, strict, exhandler);
                mark(m, rejection.status() + " " + rejection.reason());
                return m;
            }
        };
    }

    /**
     * A request whose top Via names another transport than the one it arrived on (a torture message
     * saying {@code SIP/2.0/UDP} sent over TCP) gets the arrival transport in its Via before the stack
     * sees it. The stack takes the Via's transport as the connection's peer protocol, so its own
     * refusals (CSeq method mismatch, bad version, oversize) would otherwise go out over UDP or to a
     * new connection to the Via's host, and never reach the caller. The stream and datagram readers
     * pass their channel as {@code exhandler}; without one nothing changes.
     */
    static SIPMessage viaTransportOfArrival(SIPMessage m, ParseExceptionListener exhandler) throws ParseException {
        if (m instanceof gov.nist.javax.sip.message.SIPRequest request
                && exhandler instanceof gov.nist.javax.sip.stack.MessageChannel channel
                && request.getTopmostVia() != null && channel.getTransport() != null
                && !channel.getTransport().equalsIgnoreCase(request.getTopmostVia().getTransport())) {
            request.getTopmostVia().setTransport(channel.getTransport().toUpperCase(java.util.Locale.ROOT));
        }
        return m;
    }

    private static void mark(SIPMessage m, String value) {
        if (m != null) {
            m.removeHeader(REJECT_HEADER);
            ExtensionHeaderImpl h = new ExtensionHeaderImpl(REJECT_HEADER);
            h.setValue(value.replace('\r', ' ').replace('\n', ' '));
            try {
                m.attachHeader(h, false);
            } catch (gov.nist.javax.sip.message.SIPDuplicateHeaderException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
    }
}
