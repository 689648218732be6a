package dev.vocadent.postcall;

import java.time.Instant;

/**
 * Deletes a clinic's call records (and the transcripts in them) older than a cutoff from the backend:
 * {@link #of(BackendClientProvider)} does it through the clinic's own backend client
 * ({@code DELETE /calls?before=}); {@link #NONE} when post-call has no backend.
 */
@FunctionalInterface
public interface CallTranscriptPurger {
    CallTranscriptPurger NONE = (clinicId, cutoff) -> 0;

    /** Deletes the clinic's call records that started before {@code cutoff}; returns how many. */
    int purgeBefore(String clinicId, Instant cutoff) throws Exception;

    /** Purges through each clinic's own backend client (its token: it can only purge its own calls). */
    static CallTranscriptPurger of(BackendClientProvider backend) {
        return (clinicId, cutoff) -> backend.forClinic(clinicId).purgeCallsBefore(cutoff);
    }
}
