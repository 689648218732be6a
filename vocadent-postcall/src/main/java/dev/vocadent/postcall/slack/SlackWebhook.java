package dev.vocadent.postcall.slack;

import com.slack.api.Slack;
import com.slack.api.webhook.WebhookResponse;
import dev.vocadent.postcall.outbox.Delivery;
import dev.vocadent.postcall.outbox.Destination;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts a payload to an incoming webhook with Slack's SDK and says what came of it: 200 → done; 429 →
 * retry after the Retry-After seconds; 5xx, 408 and network errors → retry with backoff; other 4xx
 * (400 invalid_payload, 403, 404 no_service, 410 channel_is_archived) → park. The URL is never logged.
 */
public final class SlackWebhook {
    private final Slack slack;

    public SlackWebhook(Slack slack) {
        this.slack = slack;
    }

    public static SlackWebhook create() {
        return new SlackWebhook(Slack.getInstance());
    }

    public Delivery post(String url, String payloadJson) {
        WebhookResponse r;
        try {
            r = slack.send(url, payloadJson);
        } catch (IOException | RuntimeException e) {
            return Destination.retry("slack unreachable: " + e.getClass().getSimpleName());
        }
        int code = r.getCode() == null ? 0 : r.getCode();
        String body = r.getBody() == null ? "" : r.getBody().strip();
        if (body.length() > 80) {
            body = body.substring(0, 80);
        }
        if (code == 200) {
            return Destination.done();
        }
        String why = "slack answered " + code + (body.isEmpty() ? "" : " " + body);
        if (code == 429) {
            return Destination.retry(why, retryAfter(r.getHeaders()));
        }
        if (code >= 500 || code == 408 || code == 0) {
            return Destination.retry(why);
        }
        return Destination.park(why);
    }

    static Duration retryAfter(Map<String, List<String>> headers) {
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("retry-after".equalsIgnoreCase(h.getKey()) && h.getValue() != null && !h.getValue().isEmpty()) {
                    try {
                        long s = Long.parseLong(h.getValue().getFirst().trim());
                        return Duration.ofSeconds(Math.max(0, Math.min(s, 3600)));
                    } catch (NumberFormatException ignored) {
                        // fall through to the default
                    }
                }
            }
        }
        return Duration.ofSeconds(30);
    }
}
