package dev.vocadent.telephony.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's internal logging to SLF4J (its default writer needs log4j 1.x, which we do not
 * ship), to logger {@code gov.nist.javax.sip}. The stack's error and warning texts often quote whole
 * SIP messages (callers' numbers), so they go to DEBUG; exceptions are logged at WARN by type only.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

    public Slf4jStackLogger() {}

    @Override public void logStackTrace() { if (log.isTraceEnabled()) { log.trace("stack trace", new Throwable()); } }
    @Override public void logStackTrace(int traceLevel) { logStackTrace(); }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { log.warn("JAIN-SIP exception: {}", ex.getClass().getName()); log.debug("", ex); }
    @Override public void logDebug(String message) { log.debug(message); }
    @Override public void logDebug(String message, Exception ex) { log.debug(message, ex); }
    @Override public void logTrace(String message) { log.trace(message); }
    @Override public void logFatalError(String message) { log.debug(message); }
    @Override public void logError(String message) { log.debug(message); }
    @Override public boolean isLoggingEnabled() { return log.isInfoEnabled(); }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel >= TRACE_DEBUG) {
            return log.isDebugEnabled();
        }
        if (logLevel >= TRACE_INFO) {
            return log.isInfoEnabled();
        }
        return log.isDebugEnabled();
    }

    @Override public void logError(String message, Exception ex) { log.debug(message, ex); }
    @Override public void logWarning(String string) { log.debug(string); }
    @Override public void logInfo(String string) { log.debug(string); }
    @Override public void disableLogging() { }
    @Override public void enableLogging() { }
    @Override public void setBuildTimeStamp(String buildTimeStamp) { }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public String getLoggerName() { return log.getName(); }
}
