package dev.vocadent.telephony.routing;

import java.util.Optional;

/**
 * Which clinic answers a dialled number (DID). The tenant of a SIP call comes only from here,
 * never from anything the caller says. To be replaced by (or adapted to) the core tenant routing.
 */
@FunctionalInterface
public interface DidRouter {
    /** The clinic id answering {@code dialled} (any common UK/E.164 form), or empty → 404. */
    Optional<String> clinicFor(String dialled);
}
