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
    void theFakeEgressEndpointAlsoSpeaksTwirpJson() throws Exception {
        io.livekit.server.AccessToken token = new io.livekit.server.AccessToken(FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET);
        token.addGrants(new io.livekit.server.RoomRecord(true));
        String body = """
                {"room_name": "westbury.r", "audio_only": true,
                 "file": {"file_type": "OGG", "filepath": "westbury/2026/03/02/J9.ogg",
                          "azure": {"account_name": "a", "account_key": "k", "container_name": "calls"}}}""";
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.httpUrl() + "/twirp/livekit.Egress/StartRoomCompositeEgress"))
                .header("Authorization", "Bearer " + token.toJwt()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"egress_id\": \"EG_");
        assertThat(server.egress().roomComposites).singleElement().satisfies(req -> {
            assertThat(req.getAudioOnly()).isTrue();
            assertThat(req.getFile().getFilepath()).isEqualTo("westbury/2026/03/02/J9.ogg");
            assertThat(req.getFile().getAzure().getContainerName()).isEqualTo("calls");
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
