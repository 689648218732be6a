package dev.vocadent.core.tools;

import java.util.Optional;

/** UK and international phone numbers as callers say or key them, normalised to E.164. */
public final class PhoneNumbers {
    private PhoneNumbers() {}

    /**
     * {@code 07700 900123}, {@code (0117) 496 0123}, {@code 0044 7700 900123}, {@code 447700900123} and
     * {@code +44 7700 900123} all give {@code +447700900123}; other countries need {@code +} or {@code 00}.
     * Empty when the text is not a plausible number.
     */
    public static Optional<String> toE164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\u00a0') {
                // separators people use
            } else {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        String international;
        if (plus) {
            international = d;
        } else if (d.startsWith("00")) {
            international = d.substring(2);
        } else if (d.startsWith("0")) {
            international = "44" + d.substring(1);
        } else if (d.startsWith("44") && (d.length() == 12 || d.length() == 11)) {
            international = d;
        } else {
            return Optional.empty();
        }
        if (international.startsWith("440")) {
            international = "44" + international.substring(3); // +44 (0)7700 …
        }
        if (international.startsWith("44")) {
            int national = international.length() - 2;
            if (national < 9 || national > 10) {
                return Optional.empty();
            }
        } else if (international.length() < 8 || international.length() > 15 || international.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + international);
    }
}
