package dev.vocadent.postcall.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where recordings and transcripts are kept: Azure Blob Storage, or a local folder. Writes overwrite,
 * so storing the same name twice is harmless (the name is the idempotency key).
 */
public interface BlobStore {
    /** Stores bytes under {@code name}; returns the location (URL or file path). */
    String put(String name, byte[] data, String contentType) throws IOException;

    /** Stores a file under {@code name}; returns the location. */
    String putFile(String name, Path file, String contentType) throws IOException;

    /** Where {@code name} is (or would be) stored, without touching the store. */
    String locationOf(String name);

    /** Names under a prefix ({@code westbury/}). */
    List<String> list(String prefix) throws IOException;

    /** Deletes a name; false if it was not there. */
    boolean delete(String name) throws IOException;

    /** For logs: kind and container or folder, never a key. */
    String describe();

    /** The store refused for good (bad credentials, forbidden, bad request): retrying will not help. */
    final class PermanentFailure extends IOException {
        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
