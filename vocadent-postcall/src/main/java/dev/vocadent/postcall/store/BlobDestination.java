package dev.vocadent.postcall.store;

import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.outbox.Delivery;
import dev.vocadent.postcall.outbox.Destination;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads a transcript ({@code blob_transcript}: JSON body in the item) or a recording
 * ({@code blob_recording}: the outbox's copy of the file) to the blob store. The blob name is the
 * idempotency key: a repeated upload overwrites the same blob. The outbox's copy of a recording is
 * deleted once uploaded.
 */
public final class BlobDestination implements Destination {
    private final ItemKind kind;
    private final BlobStore store;

    public BlobDestination(ItemKind kind, BlobStore store) {
        if (kind != ItemKind.BLOB_RECORDING && kind != ItemKind.BLOB_TRANSCRIPT) {
            throw new IllegalArgumentException("not a blob kind: " + kind);
        }
        this.kind = kind;
        this.store = store;
    }

    @Override
    public ItemKind kind() {
        return kind;
    }

    @Override
    public Delivery deliver(OutboxItem item) {
        String name = item.payload().path("name").asText();
        String type = item.payload().path("content_type").asText();
        try {
            if (kind == ItemKind.BLOB_TRANSCRIPT) {
                store.put(name, Json.write(item.payload().get("body")).getBytes(StandardCharsets.UTF_8), type);
                return Destination.done();
            }
            Path file = Path.of(item.payload().path("file").asText());
            if (!Files.exists(file)) {
                return store.list(name).contains(name)
                        ? Destination.done()
                        : Destination.park("recording file is gone from the outbox: " + file.getFileName());
            }
            store.putFile(name, file, type);
            Files.deleteIfExists(file);
            return Destination.done();
        } catch (BlobStore.PermanentFailure e) {
            return Destination.park(e.getMessage());
        } catch (IOException e) {
            return Destination.retry(e.getMessage());
        }
    }
}
