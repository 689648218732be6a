package dev.vocadent.core.api;

/**
 * Every error body of the backend: {@code {"error":"bad_request","message":"…","field":"patient.date_of_birth"}}.
 *
 * @param error   machine code: bad_request, unauthorized, forbidden, not_found, conflict, idempotency_mismatch, payload_too_large, internal
 * @param message one line for a person
 * @param field   the offending JSON field, when one is to blame
 */
public record ApiError(String error, String message, String field) {}
