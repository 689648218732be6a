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
 * the blob store (the call date, UTC, is in the blob name), and has the backend delete the clinic's call
 * records (transcripts included) that started before the same cutoff, through {@link CallTranscriptPurger}.
 * Every clinic's purge is logged with counts only. Runs on a schedule; {@link #runOnce()} for tests.
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
            if (Thread.currentThread().isInterrupted()) {
                log.info("retention: stopped (shutting down) before clinic {}", clinic.customerId());
                break;
            }
            int days = clinic.recordingRetentionDays();
            LocalDate keepFrom = today.minusDays(days);
            int recordings = 0;
            int transcripts = 0;
            try {
                for (String name : store.list(clinic.customerId() + "/")) {
                    Optional<LocalDate> d = BlobPaths.dateOf(name);
                    if (d.isPresent() && d.get().isBefore(keepFrom) && store.delete(name)) {
                        if (name.endsWith(".ogg")) {
                            recordings++;
                        } else {
                            transcripts++;
                        }
                    }
                }
                int purged = purger.purgeBefore(clinic.customerId(), keepFrom.atStartOfDay(ZoneOffset.UTC).toInstant());
                log.info("retention: clinic {} keeps {} days: deleted {} recordings and {} transcripts from before {} in {}; "
                        + "backend deleted {} call records", clinic.customerId(), days, recordings, transcripts, keepFrom,
                        store.describe(), purged);
            } catch (Exception e) {
                if (interrupted(e)) {
                    log.info("retention: clinic {} interrupted (shutting down) after deleting {} recordings and {} transcripts",
                            clinic.customerId(), recordings, transcripts);
                    total += recordings + transcripts;
                    break;
                }
                log.error("retention: clinic {} failed after deleting {} recordings and {} transcripts: {}", clinic.customerId(),
                        recordings, transcripts, e.toString());
            }
            total += recordings + transcripts;
        }
        return total;
    }

    /** Whether the failure is the job being stopped (the interrupt may only show in the cause chain). */
    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** Runs {@link #runOnce()} now and then every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        log.info("retention: runs now and every {} ({})", interval, store.describe());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("retention").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("retention: run failed: {}", e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether {@link #start} has scheduled the job (and it has not been closed). */
    public synchronized boolean isScheduled() {
        return scheduler != null;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
