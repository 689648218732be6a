package dev.vocadent.livekit.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.livekit.fake.FakeLiveKitServer;
import io.livekit.server.EgressServiceClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import livekit.LivekitEgress.EncodedFileType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomEgressTest {
    static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"), ZoneOffset.UTC);
    final FakeLiveKitServer server = new FakeLiveKitServer();
    final RoomEgress.AzureTarget azure = new RoomEgress.AzureTarget("vocadentrec", "a2V5LWtleS1rZXk=", "calls");

    @AfterEach
    void stop() {
        server.close();
    }

    RoomEgress egress() {
        return new RoomEgress(EgressServiceClient.createClient(server.httpUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET),
                azure, LATE_EVENING);
    }

    @Test
    void startsAnAudioOnlyOggRoomRecordingToTheClinicsDatedBlob() throws Exception {
        String id = egress().start("westbury.+447700900123_abc", "westbury", "J1");
        assertThat(id).startsWith("EG_");
        assertThat(server.egress().roomComposites).singleElement().satisfies(req -> {
            assertThat(req.getRoomName()).isEqualTo("westbury.+447700900123_abc");
            assertThat(req.getAudioOnly()).isTrue();
            assertThat(req.getVideoOnly()).isFalse();
            var file = req.getFileOutputsCount() > 0 ? req.getFileOutputs(0) : req.getFile();
            assertThat(file.getFileType()).isEqualTo(EncodedFileType.OGG);
            assertThat(file.getFilepath()).isEqualTo("westbury/2026/03/02/J1.ogg");
            assertThat(file.getAzure().getAccountName()).isEqualTo("vocadentrec");
            assertThat(file.getAzure().getAccountKey()).isEqualTo("a2V5LWtleS1rZXk=");
            assertThat(file.getAzure().getContainerName()).isEqualTo("calls");
        });
    }

    @Test
    void aSessionIdIsMadeSafeForABlobName() {
        assertThat(egress().blobName("dental2", "AJ_x/../y z")).isEqualTo("dental2/2026/03/02/AJ_x____y_z.ogg");
    }

    @Test
    void aRefusalIsAnEgressExceptionThatDoesNotCarryTheKey() {
        server.egress().refuseWith = 503;
        assertThatThrownBy(() -> egress().start("westbury.r", "westbury", "J2"))
                .isInstanceOf(RoomEgress.EgressException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageNotContaining("a2V5");
        assertThat(azure.toString()).doesNotContain("a2V5");
    }

    @Test
    void theAzureAccountKeyAndContainerAreAllRequired() {
        assertThatThrownBy(() -> new RoomEgress.AzureTarget("acct", "", "calls")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomEgress.AzureTarget("acct", "key", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
