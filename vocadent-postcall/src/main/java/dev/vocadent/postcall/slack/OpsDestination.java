package dev.vocadent.postcall.slack;

import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.outbox.Delivery;
import dev.vocadent.postcall.outbox.Destination;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.OutboxItem;

/** The ops Slack ({@code VOCADENT_OPS_SLACK_WEBHOOK}). */
public final class OpsDestination implements Destination {
    private final SlackWebhook webhook;
    private final String url;

    public OpsDestination(SlackWebhook webhook, String url) {
        this.webhook = webhook;
        this.url = url;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.OPS_ALERT;
    }

    @Override
    public Delivery deliver(OutboxItem item) {
        return webhook.post(url, Json.write(item.payload().get("message")));
    }
}
