package dev.vocadent.core.api;

import java.time.LocalDate;

/**
 * {@code POST /user/lookup}: does an existing patient match this phone number and date of birth?
 * The answer never reveals stored details, so a caller must give them to be confirmed.
 */
public record PatientLookup(String phone, LocalDate dateOfBirth, String name) {}
