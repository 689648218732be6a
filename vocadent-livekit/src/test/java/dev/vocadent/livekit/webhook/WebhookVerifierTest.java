package dev.vocadent.livekit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livekit.server.AccessToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
    static final String KEY = "APIwebhookkey";
    static final String SECRET = "webhook-secret-that-is-long-enough-for-hs256";
    static final String BODY = "{\"event\":\"room_finished\",\"room\":{\"sid\":\"RM_1\",\"name\":\"westbury_+447700900123_x1\"},\"id\":\"EV_1\",\"createdAt\":\"1764000000\"}";

    final WebhookVerifier verifier = new WebhookVerifier(KEY, SECRET);

    static String sign(String body, String key, String secret) throws Exception {
        AccessToken t = new AccessToken(key, secret);
        t.setSha256(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
        return t.toJwt();
    }

    @Test
    void acceptsAWebhookSignedWithTheApiSecretOverTheExactBody() throws Exception {
        WebhookEvent e = verifier.verify(BODY, sign(BODY, KEY, SECRET));
        assertThat(e.getEvent()).isEqualTo("room_finished");
        assertThat(e.getRoom().getName()).isEqualTo("westbury_+447700900123_x1");
        assertThat(verifier.verify(BODY, "Bearer " + sign(BODY, KEY, SECRET)).getId()).isEqualTo("EV_1");
    }

    @Test
    void rejectsAForgedSignature() throws Exception {
        String forged = sign(BODY, KEY, "an-attackers-secret-long-enough-for-hs256");
        assertThatThrownBy(() -> verifier.verify(BODY, forged)).isInstanceOf(WebhookVerifier.Rejected.class);
    }

    @Test
    void rejectsABodyChangedAfterSigning() throws Exception {
        String token = sign(BODY, KEY, SECRET);
        assertThatThrownBy(() -> verifier.verify(BODY.replace("room_finished", "room_started"), token))
                .isInstanceOf(WebhookVerifier.Rejected.class);
    }

    @Test
    void rejectsAnotherApiKeysTokenAndAMissingHeader() throws Exception {
        assertThatThrownBy(() -> verifier.verify(BODY, sign(BODY, "APIother", SECRET))).isInstanceOf(WebhookVerifier.Rejected.class);
        assertThatThrownBy(() -> verifier.verify(BODY, null)).isInstanceOf(WebhookVerifier.Rejected.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> verifier.verify(BODY, "garbage")).isInstanceOf(WebhookVerifier.Rejected.class);
    }
}
