package dev.vocadent.core.api;

import java.time.OffsetDateTime;

/** Answer of {@code POST /register-other-requests} (201). */
public record OtherRequestResult(String requestId, RequestType requestType, OffsetDateTime createdAt) {}
