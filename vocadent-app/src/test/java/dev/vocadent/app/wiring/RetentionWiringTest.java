package dev.vocadent.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.AnalyticsSummary;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.postcall.Azurite;
import dev.vocadent.postcall.MutableClock;
import dev.vocadent.postcall.store.BlobPaths;
import dev.vocadent.postcall.store.BlobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention job as {@code sip} and {@code worker} run it: post-call wired with the served clinics,
 * recordings and transcripts in Azure Blob Storage (Azurite), call records in the embedded backend, and a
 * fake clock. Westbury keeps 90 days, dental2 30.
 */
class RetentionWiringTest {
    @TempDir Path dir;
    @TempDir Path azuriteDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final Map<String, HttpBackendClient> clients = new ConcurrentHashMap<>();
    private Azurite azurite;
    private EmbeddedBackend backend;
    private PostCallWiring wiring;

    @AfterEach
    void stop() throws Exception {
        if (wiring != null) {
            wiring.close();
        }
        clients.values().forEach(HttpBackendClient::close);
        if (backend != null) {
            backend.close();
        }
        if (azurite != null) {
            azurite.close();
        }
    }

    private PostCallWiring open(String interval) throws Exception {
        azurite = Azurite.start(azuriteDir);
        backend = EmbeddedBackend.startDemo(dir.resolve("backend"), clock);
        Map<String, Object> s = Map.of("data-dir", dir.toString(), "postcall.poll-interval", "50ms",
                "postcall.retention-interval", interval, "postcall.azure.connection-string", azurite.connectionString(),
                "postcall.azure.container", "retention", "llm.provider", "openai", "llm.openai.api-key", "");
        wiring = PostCallWiring.open(Settings.load(s), this::client, name -> null, clock,
                () -> List.of(DemoClinics.westbury(), DemoClinics.dental2()));
        return wiring;
    }

    private HttpBackendClient client(String clinicId) {
        return clients.computeIfAbsent(clinicId, backend::client);
    }

    /** One call of the clinic that started on {@code day}: its record in the backend, its recording and transcript in blob storage. */
    private void call(String clinicId, String day) throws Exception {
        Instant started = Instant.parse(day + "T10:00:00Z");
        String session = clinicId + "-" + day;
        client(clinicId).recordCall(new CallRecord(session, "sip", null, CallOutcome.ENQUIRY_ONLY, null, started,
                started.plusSeconds(90), 90, null, null, List.of(), Usage.NONE, null, null, null));
        BlobStore store = wiring.postCall().store();
        String base = clinicId + "/" + day.replace('-', '/') + "/" + session;
        store.put(base + ".ogg", new byte[] {1, 2, 3}, BlobPaths.OGG);
        store.put(base + ".json", "{}".getBytes(), BlobPaths.JSON);
    }

    /** The days of the clinic's calls, in blob storage and in the backend (which must agree). */
    private List<String> days(String clinicId) throws Exception {
        List<String> blobDays = wiring.postCall().store().list(clinicId + "/").stream()
                .map(n -> BlobPaths.dateOf(n).orElseThrow().toString()).distinct().sorted().toList();
        AnalyticsSummary s = client(clinicId).analyticsSummary(LocalDate.parse("2026-07-01"), LocalDate.parse("2027-01-06"));
        List<String> backendDays = s.byDay().stream().map(d -> d.date().toString()).sorted().toList();
        assertThat(backendDays).as("backend call records of " + clinicId).isEqualTo(blobDays);
        return blobDays;
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("timed out").isNegative();
            Thread.sleep(50);
        }
    }

    /** Whether anything of the clinic's call on {@code day} is left, in blob storage or in the backend. */
    private boolean has(String clinicId, String day) {
        try {
            boolean blob = wiring.postCall().store().list(clinicId + "/").stream()
                    .anyMatch(n -> BlobPaths.dateOf(n).orElseThrow().toString().equals(day));
            boolean record = client(clinicId).analyticsSummary(LocalDate.parse(day), LocalDate.parse(day)).totalCalls() > 0;
            return blob || record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theScheduledJobDeletesEachClinicsOldBlobsAndCallRecordsAndLeavesRecentOnesAndOtherClinicsAlone() throws Exception {
        open("0");                                   // off while the data goes in; started by hand below
        call("westbury", "2026-08-01");              // 128 days old: past westbury's 90
        call("westbury", "2026-10-01");              // 67 days: kept by westbury (90) though dental2 (30) would drop it
        call("westbury", "2026-11-20");              // 17 days
        call("dental2", "2026-10-01");               // 67 days: past dental2's 30
        call("dental2", "2026-11-20");               // 17 days
        assertThat(wiring.postCall().retention().isScheduled()).isFalse();

        wiring.postCall().retention().start(Duration.ofMillis(100));
        await(() -> !has("westbury", "2026-08-01") && !has("dental2", "2026-10-01"));
        assertThat(days("westbury")).containsExactly("2026-10-01", "2026-11-20");
        assertThat(days("dental2")).containsExactly("2026-11-20");

        clock.advance(Duration.ofDays(30));          // 2027-01-06: westbury's 10-01 is 97 days old, dental2's 11-20 is 47
        await(() -> !has("westbury", "2026-10-01") && !has("dental2", "2026-11-20"));
        assertThat(days("westbury")).containsExactly("2026-11-20");
        assertThat(days("dental2")).isEmpty();
    }

    @Test
    void aNonZeroRetentionIntervalStartsTheJobWithPostCallAndZeroLeavesItOff() throws Exception {
        open("1h");
        assertThat(wiring.postCall().retention().isScheduled()).isTrue();
        wiring.close();
        wiring = PostCallWiring.open(Settings.load(Map.of("data-dir", dir.resolve("b").toString(), "postcall.retention-interval", "0",
                        "llm.provider", "openai", "llm.openai.api-key", "")), this::client, name -> null, clock,
                () -> List.of(DemoClinics.westbury()));
        assertThat(wiring.postCall().retention().isScheduled()).isFalse();
        wiring.close();
        wiring = PostCallWiring.open(Settings.load(Map.of("data-dir", dir.resolve("c").toString(),
                "llm.provider", "openai", "llm.openai.api-key", "")), this::client, name -> null, clock);
        assertThat(wiring.postCall().retention()).as("chat passes no clinics: no retention job").isNull();
    }
}
