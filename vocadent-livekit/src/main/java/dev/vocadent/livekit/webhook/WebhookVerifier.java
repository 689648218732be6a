package dev.vocadent.livekit.webhook;

import io.livekit.server.WebhookReceiver;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * Verifies LiveKit's signed webhooks with the SDK's own receiver: the {@code Authorization} header
 * is a JWT signed (HS256) with the API secret, issued by the API key, whose {@code sha256} claim is
 * the base64 SHA-256 of the raw body. Anything else is rejected.
 */
public final class WebhookVerifier {
    private final WebhookReceiver receiver;

    public WebhookVerifier(String apiKey, String apiSecret) {
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required to verify webhooks");
        }
        this.receiver = new WebhookReceiver(apiKey, apiSecret);
    }

    /**
     * @param rawBody    the request body exactly as received
     * @param authHeader the Authorization header (the JWT, with or without "Bearer ")
     * @return the verified event
     * @throws Rejected when the header is missing, forged, expired, or the body was altered
     */
    public WebhookEvent verify(String rawBody, String authHeader) {
        if (authHeader == null || authHeader.isBlank()) {
            throw new Rejected("missing Authorization header");
        }
        String token = authHeader.regionMatches(true, 0, "Bearer ", 0, 7) ? authHeader.substring(7).trim() : authHeader.trim();
        try {
            return receiver.receive(rawBody == null ? "" : rawBody, token);
        } catch (RuntimeException e) {
            throw new Rejected("invalid webhook signature (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A webhook that did not verify; answer 401. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }
}
