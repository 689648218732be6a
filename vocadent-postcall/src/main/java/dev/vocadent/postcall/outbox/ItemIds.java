package dev.vocadent.postcall.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** File- and blob-safe names derived from session ids. */
public final class ItemIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private ItemIds() {}

    /** The item id of a session's item of one kind: {@code <safe-session>.<kind>}. */
    public static String of(String sessionId, ItemKind kind) {
        return safe(sessionId) + "." + kind.wireName();
    }

    /**
     * The session id itself if it is made of letters, digits, {@code -} and {@code _} (≤ 100); otherwise
     * its safe characters plus a short hash, so two different ids never share a name.
     */
    public static String safe(String sessionId) {
        if (SAFE.matcher(sessionId).matches()) {
            return sessionId;
        }
        String cleaned = sessionId.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.length() > 80) {
            cleaned = cleaned.substring(0, 80);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return "s" + cleaned + "-" + HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
