package dev.vocadent.postcall;

import java.time.Instant;

/**
 * Deletes a clinic's stored call transcripts older than a cutoff from the backend. The backend endpoint
 * belongs to vocadent-backend; until it exists the retention job runs with {@link #NONE}.
 */
@FunctionalInterface
public interface CallTranscriptPurger {
    CallTranscriptPurger NONE = (clinicId, cutoff) -> 0;

    /** Deletes the clinic's call transcripts that ended before {@code cutoff}; returns how many. */
    int purgeBefore(String clinicId, Instant cutoff) throws Exception;
}
