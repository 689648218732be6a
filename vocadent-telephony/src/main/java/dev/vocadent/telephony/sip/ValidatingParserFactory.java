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
