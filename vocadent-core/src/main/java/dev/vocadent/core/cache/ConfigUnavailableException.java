package dev.vocadent.core.cache;

/**
 * A clinic's config could not be loaded and no copy within the allowed staleness
 * ({@code vocadent.cache.max-stale}) is at hand. The message says why (no patient data in it).
 */
public final class ConfigUnavailableException extends RuntimeException {
    private final String clinicId;

    public ConfigUnavailableException(String clinicId, String message) {
        super(message, null, false, false);
        this.clinicId = clinicId;
    }

    public String clinicId() {
        return clinicId;
    }
}
