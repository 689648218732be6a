package dev.vocadent.backend;

import dev.vocadent.core.api.ApiError;

/** An error answer: HTTP status plus the {@link ApiError} body. */
final class ApiException extends RuntimeException {
    private final int status;
    private final ApiError error;

    ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.error = new ApiError(code, message, field);
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, "bad_request", field + ": " + message, field);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }

    int status() {
        return status;
    }

    ApiError error() {
        return error;
    }
}
