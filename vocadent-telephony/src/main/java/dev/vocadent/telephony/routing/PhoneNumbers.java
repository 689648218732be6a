package dev.vocadent.telephony.routing;

import java.util.Locale;
import java.util.Optional;

/**
 * Normalises the numbers SIP carries (Request-URI users, {@code tel:} URIs, P-Asserted-Identity)
 * to E.164. UK forms are understood: {@code 01632 960001}, {@code 441632960001},
 * {@code 00441632960001}, {@code +44 (0)1632 960001} all become {@code +441632960001}.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {}

    /** The E.164 form of {@code raw}, or empty when it is not a phone number. */
    public static Optional<String> toE164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("tel:")) {
            s = s.substring(4);
        }
        int semi = s.indexOf(';');
        if (semi >= 0) {
            s = s.substring(0, semi);
        }
        s = s.replace("(0)", "");
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        String e164;
        if (plus) {
            e164 = "+" + d;
        } else if (d.startsWith("00")) {
            e164 = "+" + d.substring(2);
        } else if (d.startsWith("44") && d.length() == 12) {
            e164 = "+" + d;
        } else if (d.startsWith("0") && d.length() == 11) {
            e164 = "+44" + d.substring(1);
        } else {
            return Optional.empty();
        }
        if (e164.startsWith("+440")) {
            e164 = "+44" + e164.substring(4);
        }
        int len = e164.length() - 1;
        return len >= 8 && len <= 15 ? Optional.of(e164) : Optional.empty();
    }
}
