package dev.vocadent.postcall.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One unit of post-call work in the journal. Immutable; state changes write a new version of the file.
 *
 * @param id            file-safe unique id: {@code <session>.<kind>} for call items
 * @param kind          what to do
 * @param sessionId     the call it belongs to (null for ops alerts)
 * @param clinicId      the clinic it belongs to (null for ops alerts)
 * @param createdAt     when it was first written
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt not before this instant
 * @param lastError     why the last attempt failed (no secrets, no patient data), or null
 * @param parkedReason  why it was parked for good, or null while pending
 * @param payload       what the destination needs
 */
public record OutboxItem(
        String id,
        ItemKind kind,
        String sessionId,
        String clinicId,
        Instant createdAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String parkedReason,
        JsonNode payload) {

    public static OutboxItem create(String id, ItemKind kind, String sessionId, String clinicId, Instant now, JsonNode payload) {
        return new OutboxItem(id, kind, sessionId, clinicId, now, 0, now, null, null, payload);
    }

    OutboxItem failed(String error, Instant next) {
        return new OutboxItem(id, kind, sessionId, clinicId, createdAt, attempts + 1, next, error, null, payload);
    }

    OutboxItem parked(String reason) {
        return new OutboxItem(id, kind, sessionId, clinicId, createdAt, attempts + 1, nextAttemptAt, lastError, reason, payload);
    }

    OutboxItem revived(Instant now) {
        return new OutboxItem(id, kind, sessionId, clinicId, createdAt, 0, now, lastError, null, payload);
    }
}
