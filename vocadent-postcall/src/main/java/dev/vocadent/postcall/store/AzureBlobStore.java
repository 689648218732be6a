package dev.vocadent.postcall.store;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.vocadent.postcall.PostCallSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Azure Blob Storage through the official SDK. The container is created on first use. The SDK's own
 * retries are kept short (two tries): the outbox retries with its own backoff and never drops.
 * 400, 403, 404 (other than a missing container, which is created) and 409 are permanent failures.
 */
public final class AzureBlobStore implements BlobStore {
    private static final Set<Integer> PERMANENT = Set.of(400, 401, 403, 404, 405, 409, 411, 413, 416);

    private final BlobContainerClient container;
    private final Duration timeout;
    private volatile boolean containerReady;

    AzureBlobStore(BlobContainerClient container, Duration timeout) {
        this.container = container;
        this.timeout = timeout;
    }

    /** Builds the client from the settings (connection string, or account + key, or account + SAS). */
    public static AzureBlobStore create(PostCallSettings.Azure s) {
        if (!s.configured()) {
            throw new IllegalArgumentException("azure: set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN");
        }
        RequestRetryOptions retry = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 2, s.timeout(),
                Duration.ofMillis(200), Duration.ofSeconds(2), null);
        BlobContainerClientBuilder b = new BlobContainerClientBuilder().containerName(s.container()).retryOptions(retry);
        if (s.connectionString() != null) {
            b.connectionString(s.connectionString());
        } else {
            String endpoint = s.endpoint() != null ? s.endpoint() : "https://" + s.accountName() + ".blob.core.windows.net";
            b.endpoint(endpoint);
            if (s.accountKey() != null) {
                b.credential(new StorageSharedKeyCredential(s.accountName(), s.accountKey()));
            } else {
                b.sasToken(s.sasToken());
            }
        }
        return new AzureBlobStore(b.buildClient(), s.timeout());
    }

    @Override
    public String put(String name, byte[] data, String contentType) throws IOException {
        return call(name, () -> {
            BlobClient blob = container.getBlobClient(name);
            blob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(data))
                    .setHeaders(new BlobHttpHeaders().setContentType(contentType)), timeout, Context.NONE);
            return locationOf(name);
        });
    }

    @Override
    public String putFile(String name, Path file, String contentType) throws IOException {
        return call(name, () -> {
            BlobClient blob = container.getBlobClient(name);
            blob.uploadFromFileWithResponse(new BlobUploadFromFileOptions(file.toString())
                    .setHeaders(new BlobHttpHeaders().setContentType(contentType)), timeout, Context.NONE);
            return locationOf(name);
        });
    }

    @Override
    public String locationOf(String name) {
        // the SDK's getBlobUrl() percent-encodes the slashes; blob names here are made of safe characters
        return container.getBlobContainerUrl() + "/" + name;
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return call(prefix, () -> {
            List<String> names = new ArrayList<>();
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), timeout)) {
                names.add(item.getName());
            }
            return names;
        });
    }

    @Override
    public boolean delete(String name) throws IOException {
        return call(name, () -> container.getBlobClient(name).deleteIfExists());
    }

    /** Content type of a stored blob (for tests and checks). */
    public String contentType(String name) {
        return container.getBlobClient(name).getProperties().getContentType();
    }

    /** Content of a stored blob (for tests and checks). */
    public byte[] read(String name) {
        return container.getBlobClient(name).downloadContent().toBytes();
    }

    @Override
    public String describe() {
        return "azure container " + container.getBlobContainerName();
    }

    private interface Op<T> {
        T run();
    }

    private <T> T call(String name, Op<T> op) throws IOException {
        try {
            ensureContainer();
            return op.run();
        } catch (BlobStorageException e) {
            String msg = "azure answered " + e.getStatusCode() + " (" + e.getErrorCode() + ") for " + name;
            if (PERMANENT.contains(e.getStatusCode())) {
                throw new PermanentFailure(msg, e);
            }
            throw new IOException(msg, e);
        } catch (RuntimeException e) {
            throw new IOException("azure unreachable: " + rootMessage(e), e);
        }
    }

    private void ensureContainer() {
        if (!containerReady) {
            container.createIfNotExists();
            containerReady = true;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
