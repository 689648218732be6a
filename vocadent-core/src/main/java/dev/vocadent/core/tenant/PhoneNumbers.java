package dev.vocadent.core.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises a dialled number (DID) to E.164 the way transports deliver it: {@code +441632960001},
 * {@code 441632960001}, {@code 01632 960001}, {@code 0044 1632 960001}, {@code +44 (0)1632 960001},
 * {@code tel:+44-1632-960001}, {@code sip:+441632960001@host;user=phone},
 * {@code "Reception" <sip:01632960001@host>}. Rules, after taking the user part of a SIP/tel URI and
 * dropping spaces, dashes, dots, slashes and brackets:
 * <ul>
 *   <li>{@code +digits} is E.164 already; {@code 00digits} is international ({@code 00} → {@code +});
 *   <li>a single leading {@code 0} is the national trunk prefix of the default country
 *       ({@code 0} → {@code +44}); so is a {@code 0} right after {@code +44} ({@code +44 (0)…});
 *   <li>any other digits are taken to start with a country code ({@code 44…} → {@code +44…}).
 * </ul>
 * Anything else (letters, SIP names, too short or too long) is not a number.
 */
public final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");

    private PhoneNumbers() {}

    /** {@link #toE164(String, String)} with the UK ({@code 44}) as the default country. */
    public static Optional<String> toE164(String raw) {
        return toE164(raw, "44");
    }

    /**
     * @param raw                as the transport gave it; null or junk → empty
     * @param defaultCountryCode country code the trunk prefix {@code 0} stands for, e.g. {@code 44}
     */
    public static Optional<String> toE164(String raw, String defaultCountryCode) {
        if (defaultCountryCode == null || !COUNTRY_CODE.matcher(defaultCountryCode).matches()) {
            throw new IllegalArgumentException("default country code must be 1-3 digits, e.g. 44; was " + defaultCountryCode);
        }
        if (raw == null || raw.length() > 256) {
            return Optional.empty();
        }
        String s = raw.strip();
        int lt = s.indexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt).strip();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:")) {
            s = s.substring(s.indexOf(':') + 1);
            int at = s.indexOf('@');
            if (at >= 0) {
                s = s.substring(0, at);
            }
            int semi = s.indexOf(';');
            if (semi >= 0) {
                s = s.substring(0, semi);
            }
            if (s.regionMatches(true, 0, "%2B", 0, 3)) {
                s = "+" + s.substring(3);
            }
        }
        s = s.replace("(0)", "");
        StringBuilder digits = new StringBuilder(16);
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && !plus && digits.isEmpty()) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/' && c != '\t') {
                return Optional.empty();
            }
            if (digits.length() > 17) {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        String e164;
        if (plus) {
            e164 = "+" + d;
        } else if (d.startsWith("00")) {
            e164 = "+" + d.substring(2);
        } else if (d.startsWith("0")) {
            e164 = "+" + defaultCountryCode + d.substring(1);
        } else {
            e164 = "+" + d;
        }
        String trunk = "+" + defaultCountryCode + "0";
        if (e164.startsWith(trunk)) {
            e164 = "+" + defaultCountryCode + e164.substring(trunk.length());
        }
        return E164.matcher(e164).matches() ? Optional.of(e164) : Optional.empty();
    }
}
