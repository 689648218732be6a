package dev.vocadent.postcall.slack;

import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.outbox.Delivery;
import dev.vocadent.postcall.outbox.Destination;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.OutboxItem;

/**
 * The practice's Slack. The item holds the webhook reference ({@code env:…}/{@code file:…}), resolved
 * at delivery so a rotated secret is picked up; an unresolvable reference parks the item.
 */
public final class SlackDestination implements Destination {
    private final SlackWebhook webhook;
    private final SecretRefs secrets;

    public SlackDestination(SlackWebhook webhook, SecretRefs secrets) {
        this.webhook = webhook;
        this.secrets = secrets;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.SLACK;
    }

    @Override
    public Delivery deliver(OutboxItem item) {
        String url;
        try {
            url = secrets.resolve(item.payload().path("webhook_ref").asText(null));
        } catch (IllegalArgumentException e) {
            return Destination.park("slack webhook of clinic " + item.clinicId() + ": " + e.getMessage());
        }
        return webhook.post(url, Json.write(item.payload().get("message")));
    }
}
