package dev.vocadent.backend;

import dev.vocadent.core.api.Patient;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks and normalises patient details: phone to E.164 (UK numbers without +44 accepted), DOB a real past date. */
final class PatientInput {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;

    private PatientInput() {}

    /** A patient with name, phone and date of birth all present and valid. */
    static Patient complete(Patient p, String at, LocalDate today) {
        if (p == null) {
            throw ApiException.badRequest(at, "is required");
        }
        String name = name(p.name(), field(at, "name"), true);
        String phone = phone(p.phone(), field(at, "phone"), true);
        LocalDate dob = dateOfBirth(p.dateOfBirth(), field(at, "date_of_birth"), today, true);
        return new Patient(name, phone, dob);
    }

    private static String field(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    /** What is known of a caller: each field optional but checked when given. */
    static Patient partial(Patient p, String at, LocalDate today) {
        if (p == null) {
            return new Patient(null, null, null);
        }
        return new Patient(name(p.name(), at + ".name", false), phone(p.phone(), at + ".phone", false),
                dateOfBirth(p.dateOfBirth(), at + ".date_of_birth", today, false));
    }

    static String name(String name, String field, boolean required) {
        if (name == null || name.isBlank()) {
            if (required) {
                throw ApiException.badRequest(field, "is required");
            }
            return null;
        }
        String n = name.strip().replaceAll("\\s+", " ");
        if (n.length() > MAX_NAME) {
            throw ApiException.badRequest(field, "is longer than " + MAX_NAME + " characters");
        }
        return n;
    }

    static String phone(String raw, String field, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.badRequest(field, "is required");
            }
            return null;
        }
        String s = raw.strip().replaceAll("[\\s().-]", "");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (s.startsWith("0")) {
            s = "+44" + s.substring(1);
        } else if (!s.startsWith("+") && s.startsWith("44")) {
            s = "+" + s;
        }
        if (!E164.matcher(s).matches()) {
            throw ApiException.badRequest(field, "must be a phone number (UK or E.164, e.g. +447700900123)");
        }
        return s;
    }

    static LocalDate dateOfBirth(LocalDate dob, String field, LocalDate today, boolean required) {
        if (dob == null) {
            if (required) {
                throw ApiException.badRequest(field, "is required");
            }
            return null;
        }
        if (dob.isAfter(today)) {
            throw ApiException.badRequest(field, "must not be in the future");
        }
        if (dob.isBefore(today.minusYears(120))) {
            throw ApiException.badRequest(field, "must not be more than 120 years ago");
        }
        return dob;
    }

    static String text(String raw, String field) {
        if (raw != null && raw.length() > MAX_TEXT) {
            throw ApiException.badRequest(field, "is longer than " + MAX_TEXT + " characters");
        }
        return raw;
    }
}
