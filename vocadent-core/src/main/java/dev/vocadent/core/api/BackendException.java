package dev.vocadent.core.api;

/** The backend answered with an error status (or could not be reached: status 0). */
public class BackendException extends RuntimeException {
    private final int status;
    private final ApiError error;

    public BackendException(int status, ApiError error, Throwable cause) {
        super("backend " + (status == 0 ? "unreachable" : "answered " + status)
                + (error == null ? "" : ": " + error.message()), cause);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The error body, when the backend sent one. */
    public ApiError error() {
        return error;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** True when retrying later may help (unreachable, 5xx, 429). */
    public boolean isRetryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
