package dev.vocadent.core.api;

import java.time.LocalDate;

/** Answer of {@code POST /user}: the patient as stored; {@code created} tells a new record from an update. */
public record PatientRecord(String patientId, String name, String phone, LocalDate dateOfBirth, boolean created) {}
