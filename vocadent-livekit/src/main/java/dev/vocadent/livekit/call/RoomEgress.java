package dev.vocadent.livekit.call;

import io.livekit.server.EgressServiceClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import livekit.LivekitEgress.AzureBlobUpload;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.EncodedFileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;

/**
 * Records a call with LiveKit Egress instead of Vocadent's own recorder: an audio-only room composite
 * written as Ogg straight to Azure Blob Storage at {@code <clinic>/<yyyy>/<mm>/<dd>/<session-id>.ogg}
 * (UTC date of the call start; the same name post-call processing gives its own recordings).
 */
public final class RoomEgress {
    private static final Logger log = LoggerFactory.getLogger(RoomEgress.class);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    /** The Azure account LiveKit writes to; the key is a secret (never logged). */
    public record AzureTarget(String accountName, String accountKey, String container) {
        public AzureTarget {
            if (accountName == null || accountName.isBlank() || accountKey == null || accountKey.isBlank()
                    || container == null || container.isBlank()) {
                throw new IllegalArgumentException("room egress needs the Azure account name, account key and container");
            }
        }

        @Override
        public String toString() {
            return "AzureTarget[account=" + accountName + ", container=" + container + ", key=<redacted>]";
        }
    }

    private final EgressServiceClient client;
    private final AzureTarget azure;
    private final Clock clock;

    public RoomEgress(EgressServiceClient client, AzureTarget azure, Clock clock) {
        this.client = Objects.requireNonNull(client);
        this.azure = Objects.requireNonNull(azure);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The blob name of a call's recording started now. */
    public String blobName(String clinicId, String sessionId) {
        LocalDate d = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String session = SAFE.matcher(sessionId).matches() ? sessionId : sessionId.replaceAll("[^A-Za-z0-9_-]", "_");
        if (session.length() > 80) {
            session = session.substring(0, 80);
        }
        return String.format("%s/%04d/%02d/%02d/%s.ogg", clinicId, d.getYear(), d.getMonthValue(), d.getDayOfMonth(), session);
    }

    /**
     * Asks LiveKit to record the room, audio only, to Azure. Returns the egress id.
     *
     * @throws EgressException when LiveKit refuses or cannot be reached
     */
    public String start(String roomName, String clinicId, String sessionId) throws EgressException {
        String blob = blobName(clinicId, sessionId);
        EncodedFileOutput file = EncodedFileOutput.newBuilder()
                .setFileType(EncodedFileType.OGG)
                .setFilepath(blob)
                .setAzure(AzureBlobUpload.newBuilder().setAccountName(azure.accountName())
                        .setAccountKey(azure.accountKey()).setContainerName(azure.container()))
                .build();
        Response<EgressInfo> r;
        try {
            r = client.startRoomCompositeEgress(roomName, file, "", null, null, true, false).execute();
        } catch (java.io.IOException | RuntimeException e) {
            throw new EgressException("room egress for " + roomName + " not started: " + e.getMessage(), e);
        }
        if (!r.isSuccessful() || r.body() == null) {
            throw new EgressException("room egress for " + roomName + " refused: HTTP " + r.code(), null);
        }
        log.info("room egress {} records {} to {}/{}", r.body().getEgressId(), roomName, azure.container(), blob);
        return r.body().getEgressId();
    }

    /** Room egress could not be started. */
    public static final class EgressException extends Exception {
        EgressException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
