package dev.vocadent.core.tools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Idempotency keys of bookings: one per (call, slot), so a retried booking never books twice. */
public final class IdempotencyKeys {
    private IdempotencyKeys() {}

    /** {@code bk-} + the first 32 hex digits of SHA-256(sessionId, slotId). */
    public static String booking(String sessionId, String slotId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(sessionId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(slotId.getBytes(StandardCharsets.UTF_8));
            return "bk-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
