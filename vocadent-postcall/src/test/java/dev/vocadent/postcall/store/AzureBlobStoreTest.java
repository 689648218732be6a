package dev.vocadent.postcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.Azurite;
import dev.vocadent.postcall.FakeBackend;
import dev.vocadent.postcall.Fixtures;
import dev.vocadent.postcall.MutableClock;
import dev.vocadent.postcall.PostCall;
import dev.vocadent.postcall.PostCallSettings;
import dev.vocadent.postcall.Receipt;
import dev.vocadent.postcall.SlackServer;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings and transcripts in Azure Blob Storage, against Azurite. */
class AzureBlobStoreTest {
    @TempDir static Path azuriteDir;
    static Azurite azurite;
    static int containers;
    @TempDir Path dir;
    SlackServer slack;
    MutableClock clock;
    FakeBackend backend;
    PostCall postCall;
    AzureBlobStore store;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start(azuriteDir);
    }

    @AfterAll
    static void stopAzurite() throws Exception {
        if (azurite != null) {
            azurite.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        slack = new SlackServer();
        clock = new MutableClock(Fixtures.T0.plusSeconds(80));
        backend = new FakeBackend();
        PostCallSettings base = Fixtures.settings(dir);
        PostCallSettings s = new PostCallSettings(base.outboxDir(), base.localStoreDir(), base.pollInterval(), base.retryBase(),
                base.retryMax(), base.prices(), new PostCallSettings.Azure("calls-test-" + (++containers), azurite.connectionString(), null, null,
                null, null, Duration.ofSeconds(10)), base.ops(), base.retentionInterval());
        postCall = PostCall.builder(s).backend(id -> backend).clock(clock).random(() -> 0.5)
                .env(Map.of(Fixtures.SLACK_ENV, slack.url())::get).build();
        store = (AzureBlobStore) postCall.store();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (postCall != null) {
            postCall.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    Path recording() throws Exception {
        Path rec = dir.resolve("call.ogg");
        Files.write(rec, "OggS fake opus pages".getBytes(StandardCharsets.US_ASCII));
        return rec;
    }

    @Test
    void recordingAndTranscriptAreStoredBesideEachOtherWithTheirContentTypes() throws Exception {
        Receipt r = postCall.submit(Fixtures.booked("az-1", Fixtures.westbury(), recording()));
        postCall.sender().runOnce();
        postCall.sender().runOnce();

        assertThat(postCall.journal().pending()).isEmpty();
        assertThat(store.list("westbury/")).containsExactly("westbury/2026/03/03/az-1.json", "westbury/2026/03/03/az-1.ogg");
        assertThat(store.contentType("westbury/2026/03/03/az-1.ogg")).isEqualTo("audio/ogg");
        assertThat(store.contentType("westbury/2026/03/03/az-1.json")).isEqualTo("application/json");
        assertThat(new String(store.read("westbury/2026/03/03/az-1.ogg"), StandardCharsets.US_ASCII)).isEqualTo("OggS fake opus pages");
        assertThat(Json.mapper().readTree(store.read("westbury/2026/03/03/az-1.json")).get("session_id").asText()).isEqualTo("az-1");
        assertThat(r.recordingLocation()).isEqualTo("http://127.0.0.1:" + azurite.port() + "/devstoreaccount1/calls-test-" + containers + "/westbury/2026/03/03/az-1.ogg");
        assertThat(backend.records.get("az-1").recordingUrl()).isEqualTo(r.recordingLocation());
        assertThat(slack.delivered.getFirst()).contains("<" + r.recordingLocation() + "|Recording>");
    }

    @Test
    void uploadsFailingWhileAzuriteIsDownAreDeliveredAfterItRestarts() throws Exception {
        postCall.submit(Fixtures.booked("az-2", Fixtures.westbury(), recording()));
        azurite.stop();
        postCall.sender().runOnce();

        List<OutboxItem> pending = postCall.journal().pending();
        assertThat(pending).extracting(OutboxItem::kind).containsExactlyInAnyOrder(ItemKind.BLOB_TRANSCRIPT, ItemKind.BLOB_RECORDING);
        assertThat(pending).allSatisfy(i -> assertThat(i.lastError()).startsWith("azure unreachable"));
        assertThat(slack.delivered).as("other destinations are not held up").hasSize(1);
        assertThat(backend.records).containsKey("az-2");

        azurite.restart();
        clock.advance(Duration.ofSeconds(5));
        postCall.sender().runOnce();

        assertThat(postCall.journal().pending()).isEmpty();
        assertThat(store.list("westbury/2026/03/03/")).containsExactly("westbury/2026/03/03/az-2.json", "westbury/2026/03/03/az-2.ogg");
        assertThat(slack.delivered).hasSize(1);
    }

    @Test
    void retentionDeletesOnlyBlobsOlderThanTheClinicKeepsThem() throws Exception {
        // westbury keeps 90 days, dental2 30
        store.put("westbury/2025/11/01/old.json", "{}".getBytes(), BlobPaths.JSON);
        store.put("westbury/2025/11/01/old.ogg", new byte[] {1}, BlobPaths.OGG);
        store.put("westbury/2026/02/01/recent.json", "{}".getBytes(), BlobPaths.JSON);
        store.put("dental2/2026/01/20/old.json", "{}".getBytes(), BlobPaths.JSON);
        store.put("dental2/2026/02/20/recent.json", "{}".getBytes(), BlobPaths.JSON);
        MutableClock now = new MutableClock(Instant.parse("2026-03-03T02:00:00Z"));
        RetentionJob job = new RetentionJob(store, () -> List.of(Fixtures.westbury(), dev.vocadent.core.demo.DemoClinics.dental2()),
                null, now);

        assertThat(job.runOnce()).isEqualTo(3);
        assertThat(store.list("")).containsExactlyInAnyOrder("westbury/2026/02/01/recent.json", "dental2/2026/02/20/recent.json");
    }

    @Test
    void anAccountNameAndKeyWorkAsWellAsAConnectionString() throws Exception {
        AzureBlobStore byKey = AzureBlobStore.create(new PostCallSettings.Azure("calls-key", null, Azurite.ACCOUNT, Azurite.KEY,
                null, "http://127.0.0.1:" + azurite.port() + "/" + Azurite.ACCOUNT, Duration.ofSeconds(10)));
        byKey.put("westbury/2026/03/03/k.json", "{}".getBytes(), BlobPaths.JSON);
        assertThat(byKey.list("westbury/")).containsExactly("westbury/2026/03/03/k.json");

        AzureBlobStore wrongKey = AzureBlobStore.create(new PostCallSettings.Azure("calls-key", null, Azurite.ACCOUNT,
                java.util.Base64.getEncoder().encodeToString(new byte[64]), null,
                "http://127.0.0.1:" + azurite.port() + "/" + Azurite.ACCOUNT, Duration.ofSeconds(10)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongKey.put("westbury/2026/03/03/x.json", "{}".getBytes(), BlobPaths.JSON))
                .isInstanceOf(BlobStore.PermanentFailure.class).hasMessageContaining("azure answered 403");
    }
}
