package dev.vocadent.core.api;

/**
 * Answer of {@code POST /user/lookup}.
 *
 * @param matched     an existing patient has this phone and date of birth
 * @param nameMatches the given name matches that patient's name too (case and spacing ignored)
 * @param patientId   the patient's id when matched, else null
 * @param patientType existing when matched, else new
 */
public record PatientLookupResult(boolean matched, boolean nameMatches, String patientId, PatientType patientType) {}
