package dev.vocadent.agent.session;

import dev.vocadent.core.tools.CallControl;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polite end of a call to a number no clinic is set up for. No session is created (a session is
 * never run with another clinic's configuration); the router calls {@link #answer} instead.
 */
public final class UnconfiguredNumber {
    private static final Logger log = LoggerFactory.getLogger(UnconfiguredNumber.class);

    /** What the caller hears. */
    public static final String MESSAGE = "Sorry, this number isn't set up to take calls yet. "
            + "Please check the number you dialled and try again. Goodbye.";

    private UnconfiguredNumber() {}

    /** Says {@link #MESSAGE} to the listeners (chat printer, TTS) and hangs up after it with reason {@code not_configured}. */
    public static void answer(CallControl call, List<SessionListener> listeners) {
        log.info("call to an unconfigured number: ending politely");
        Listeners all = new Listeners(listeners);
        all.agentText(MESSAGE);
        call.hangUp("not_configured");
    }
}
