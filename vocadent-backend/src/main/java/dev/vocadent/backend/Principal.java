package dev.vocadent.backend;

/** Who is calling: one clinic (clinic token) or the operator (admin token). */
record Principal(String clinicId, boolean admin) {
    static final String ATTRIBUTE = "vocadent.principal";

    static Principal clinic(String clinicId) {
        return new Principal(clinicId, false);
    }

    static Principal administrator() {
        return new Principal(null, true);
    }
}
