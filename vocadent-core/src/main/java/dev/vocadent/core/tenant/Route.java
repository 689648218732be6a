package dev.vocadent.core.tenant;

import java.util.Objects;
import java.util.Optional;

/** Which clinic a call is for, as the transport says; or why it cannot be told. */
public sealed interface Route {

    /** How the clinic was found. */
    enum Via { ROOM_NAME, DIALLED_NUMBER }

    /** The call is for this clinic (a served clinic, syntactically valid id). */
    record Clinic(String clinicId, Via via) implements Route {
        public Clinic {
            Objects.requireNonNull(clinicId, "clinicId");
            Objects.requireNonNull(via, "via");
        }
    }

    /** No clinic: the call must be refused. {@code reason} is safe to log (no patient data). */
    record Unknown(String reason) implements Route {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The clinic id, if found. */
    default Optional<String> clinic() {
        return this instanceof Clinic c ? Optional.of(c.clinicId()) : Optional.empty();
    }
}
