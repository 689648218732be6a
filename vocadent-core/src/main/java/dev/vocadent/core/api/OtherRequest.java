package dev.vocadent.core.api;

/**
 * {@code POST /register-other-requests}: something for the practice team that is not a booking.
 *
 * @param requestType   callback, message, cancellation, reschedule or other
 * @param patient       what is known of the caller (fields may be null, the phone should be set)
 * @param message       the caller's message in their words
 * @param reason        why, e.g. {@code no_slots}, {@code transfer_failed}, {@code caller_request}
 * @param callSessionId the call it came from
 */
public record OtherRequest(
        RequestType requestType,
        Patient patient,
        String message,
        String reason,
        String callSessionId) {}
