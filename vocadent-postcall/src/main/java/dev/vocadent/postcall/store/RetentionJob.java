package dev.vocadent.postcall.store;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.postcall.CallTranscriptPurger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes each clinic's recordings and transcripts older than its {@code recording_retention_days} from
 * the blob store (the call date is in the blob name), and asks the backend to purge its copies of the
 * transcripts through {@link CallTranscriptPurger}. Runs on a schedule; {@link #runOnce()} for tests.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final BlobStore store;
    private final Supplier<List<ClinicConfig>> clinics;
    private final CallTranscriptPurger purger;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public RetentionJob(BlobStore store, Supplier<List<ClinicConfig>> clinics, CallTranscriptPurger purger, Clock clock) {
        this.store = store;
        this.clinics = clinics;
        this.purger = purger == null ? CallTranscriptPurger.NONE : purger;
        this.clock = clock;
    }

    /** One pass over all clinics; returns the number of blobs deleted. A failing clinic does not stop the others. */
    public int runOnce() {
        int total = 0;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (ClinicConfig clinic : clinics.get()) {
            int days = clinic.recordingRetentionDays();
            LocalDate keepFrom = today.minusDays(days);
            int deleted = 0;
            try {
                for (String name : store.list(clinic.customerId() + "/")) {
                    Optional<LocalDate> d = BlobPaths.dateOf(name);
                    if (d.isPresent() && d.get().isBefore(keepFrom) && store.delete(name)) {
                        deleted++;
                    }
                }
                int purged = purger.purgeBefore(clinic.customerId(), keepFrom.atStartOfDay(ZoneOffset.UTC).toInstant());
                log.info("retention: clinic {} keeps {} days; deleted {} recordings/transcripts from before {} in {}; backend purged {}",
                        clinic.customerId(), days, deleted, keepFrom, store.describe(), purged);
            } catch (Exception e) {
                log.error("retention: clinic {} failed after {} deletions: {}", clinic.customerId(), deleted, e.toString());
            }
            total += deleted;
        }
        return total;
    }

    /** Runs {@link #runOnce()} now and then every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("retention").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("retention: run failed: {}", e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
