package dev.vocadent.postcall.record;

import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.BackendClientProvider;
import dev.vocadent.postcall.outbox.Delivery;
import dev.vocadent.postcall.outbox.Destination;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.OutboxItem;

/** Sends the call record to the backend ({@code POST /calls}, idempotent by session id). */
public final class BackendDestination implements Destination {
    private final BackendClientProvider backend;

    public BackendDestination(BackendClientProvider backend) {
        this.backend = backend;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.BACKEND_RECORD;
    }

    @Override
    public Delivery deliver(OutboxItem item) throws Exception {
        CallRecord record = Json.mapper().treeToValue(item.payload().get("record"), CallRecord.class);
        try {
            backend.forClinic(item.clinicId()).recordCall(record);
            return Destination.done();
        } catch (BackendException e) {
            String why = "backend " + (e.status() == 0 ? "unreachable" : "answered " + e.status())
                    + (e.error() != null && e.error().error() != null ? " (" + e.error().error() + ")" : "");
            return e.isRetryable() ? Destination.retry(why) : Destination.park(why);
        } catch (IllegalStateException e) {
            return Destination.park("no backend client for clinic " + item.clinicId() + ": " + e.getMessage());
        }
    }
}
