package dev.vocadent.postcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.postcall.Fixtures;
import dev.vocadent.postcall.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionJobTest {
    @TempDir Path dir;

    @Test
    void recordingsAndTranscriptsPastEachClinicsRetentionAreDeletedAsTheClockMoves() throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        store.put("westbury/2026/01/01/a.json", "{}".getBytes(), BlobPaths.JSON);
        store.put("westbury/2026/01/01/a.ogg", new byte[] {1}, BlobPaths.OGG);
        store.put("westbury/2026/02/15/b.json", "{}".getBytes(), BlobPaths.JSON);
        store.put("dental2/2026/02/15/c.json", "{}".getBytes(), BlobPaths.JSON);
        store.put("dental2/notes.txt", "not a call".getBytes(), "text/plain");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-16T03:00:00Z"));
        List<String> purged = new ArrayList<>();
        RetentionJob job = new RetentionJob(store, () -> List.of(Fixtures.westbury(), DemoClinics.dental2()),
                (clinic, cutoff) -> {
                    purged.add(clinic + "<" + cutoff);
                    return 0;
                }, clock);

        assertThat(job.runOnce()).isZero();                        // westbury keeps 90 days, dental2 30
        clock.advance(Duration.ofDays(2));                          // 2026-03-18: dental2's 02-15 is 31 days old
        assertThat(job.runOnce()).isEqualTo(1);
        assertThat(store.list("dental2/")).containsExactly("dental2/notes.txt");
        clock.advance(Duration.ofDays(14));                         // 2026-04-01: westbury's 01-01 is 90 days old → kept
        assertThat(job.runOnce()).isZero();
        clock.advance(Duration.ofDays(1));                          // 2026-04-02: 91 days → deleted
        assertThat(job.runOnce()).isEqualTo(2);
        assertThat(store.list("westbury/")).containsExactly("westbury/2026/02/15/b.json");
        assertThat(purged).contains("westbury<2026-01-02T00:00:00Z", "dental2<2026-02-16T00:00:00Z");
    }

    @Test
    void aFailingPurgeForOneClinicDoesNotStopTheOthers() throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        store.put("dental2/2020/01/01/c.json", "{}".getBytes(), BlobPaths.JSON);
        RetentionJob job = new RetentionJob(store, () -> List.of(Fixtures.westbury(), DemoClinics.dental2()),
                (clinic, cutoff) -> {
                    if (clinic.equals("westbury")) {
                        throw new IllegalStateException("backend down");
                    }
                    return 0;
                }, new MutableClock(Instant.parse("2026-03-20T03:00:00Z")));
        assertThat(job.runOnce()).isEqualTo(1);
    }

    @Test
    void blobNamesCannotEscapeTheLocalStore() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("store"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put("../outside.json", new byte[0], BlobPaths.JSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escapes the store");
        assertThat(dir.resolve("outside.json")).doesNotExist();
    }
}
