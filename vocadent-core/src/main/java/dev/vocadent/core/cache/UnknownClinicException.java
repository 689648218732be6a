package dev.vocadent.core.cache;

/**
 * No such clinic: the id is not a valid clinic id, or the config source does not know it. A call
 * for an unknown clinic is refused; it never falls back to another clinic.
 */
public final class UnknownClinicException extends RuntimeException {
    private final String clinicId;

    public UnknownClinicException(String clinicId, String reason) {
        super(reason, null, false, false);
        this.clinicId = clinicId;
    }

    /** The clinic id asked for (already checked against the clinic id syntax, or a safe preview). */
    public String clinicId() {
        return clinicId;
    }
}
