package dev.vocadent.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;

/**
 * JAIN-SIP's parser with {@link RawMessageCheck} in front: raw bytes the RFC 4475 torture tests
 * say must be rejected, but which the NIST parser accepts, are turned into a
 * {@link ParseException}; the stack then answers 400 (UDP, when it can copy the headers it needs)
 * or drops the message.
 */
public final class ValidatingParserFactory implements MessageParserFactory {
    public ValidatingParserFactory() {}

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        StringMsgParser inner = new StringMsgParser();
        return new MessageParser() {
            @Override
            public SIPMessage parseSIPMessage(byte[] msgBytes, boolean readBody, boolean strict,
                                              ParseExceptionListener exhandler) throws ParseException {
                String problem = RawMessageCheck.problem(msgBytes);
                if (problem != null) {
                    throw new ParseException(problem, 0);
                }
                return inner.parseSIPMessage(msgBytes, readBody, strict, exhandler);
            }
        };
    }
}
