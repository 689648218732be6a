package dev.vocadent.livekit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 JWT check as a LiveKit server does it: signature with the API secret, issuer = API key. */
final class Jwt {
    private Jwt() {}

    /** The claims of a valid token, or null. */
    static JsonNode verify(String token, String apiKey, String apiSecret) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] actual = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(expected, actual)) {
                return null;
            }
            JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!apiKey.equals(claims.path("iss").asText())) {
                return null;
            }
            if (claims.has("exp") && claims.get("exp").asLong() * 1000 < System.currentTimeMillis()) {
                return null;
            }
            return claims;
        } catch (Exception e) {
            return null;
        }
    }
}
