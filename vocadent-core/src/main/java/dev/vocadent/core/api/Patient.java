package dev.vocadent.core.api;

import java.time.LocalDate;

/** Patient details as given on a call. In requests for the team any of them may be null (unknown). */
public record Patient(String name, String phone, LocalDate dateOfBirth) {}
