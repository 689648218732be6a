package dev.vocadent.postcall.outbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/**
 * What an outbox item is for. {@code ANALYSE} turns a finished call into one item per destination; each
 * destination item is delivered (and retried, or parked) on its own.
 */
public enum ItemKind {
    ANALYSE, BACKEND_RECORD, SLACK, BLOB_TRANSCRIPT, BLOB_RECORDING, OPS_ALERT;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    @JsonCreator
    public static ItemKind parse(String raw) {
        return JsonEnum.parse(ItemKind.class, raw);
    }
}
