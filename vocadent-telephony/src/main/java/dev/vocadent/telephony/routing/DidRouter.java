package dev.vocadent.telephony.routing;

import dev.vocadent.core.tenant.TenantRouter;
import java.util.Optional;

/**
 * Which clinic answers a dialled number (DID). The tenant of a SIP call comes only from here,
 * never from anything the caller says. In production this is vocadent-core's
 * {@link TenantRouter#fromDialledNumber} ({@link #of(TenantRouter)}), the one DID normalisation
 * of the codebase ({@link dev.vocadent.core.tenant.PhoneNumbers}).
 */
@FunctionalInterface
public interface DidRouter {
    /** The clinic id answering {@code dialled} (any common UK/E.164 form), or empty → 404. */
    Optional<String> clinicFor(String dialled);

    /** Routes by the served clinics' {@code customer.phone_numbers}, as {@link TenantRouter} does. */
    static DidRouter of(TenantRouter router) {
        return dialled -> router.fromDialledNumber(dialled).clinic();
    }
}
