package dev.vocadent.core.privacy;

/**
 * Masks patient data before it reaches a log line or an alert. Use it for every phone number,
 * date of birth and name that is logged; never log them raw.
 */
public final class Redact {
    private Redact() {}

    /** {@code +447700900123} → {@code +44*******123}; short or null input → {@code ***}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        int keepStart = phone.startsWith("+") ? 3 : 2;
        int keepEnd = 3;
        return phone.substring(0, keepStart)
                + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }

    /** Dates of birth are never shown in part: always {@code ****-**-**}. */
    public static String dateOfBirth(Object dob) {
        return dob == null ? "null" : "****-**-**";
    }

    /** {@code Sarah Patel} → {@code S**** P****}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "***";
        }
        StringBuilder b = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(part.charAt(0)).append("*".repeat(Math.max(1, part.length() - 1)));
        }
        return b.toString();
    }

    /** A secret (token, key, webhook URL): only its length is shown. */
    public static String secret(String secret) {
        return secret == null ? "null" : "<redacted " + secret.length() + " chars>";
    }
}
