package dev.vocadent.core.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.api.AnalyticsSummary;
import dev.vocadent.core.api.ApiError;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingRequest;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.OtherRequestResult;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientLookupResult;
import dev.vocadent.core.api.PatientRecord;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackendClient} over HTTP (java.net.http). Bound to one clinic and its bearer token.
 * Idempotent calls (reads, patient upsert, call record, booking <em>with</em> an idempotency key)
 * are retried on network errors, 429 and 5xx with exponential backoff; registering a request for
 * the team is never retried (it would be registered twice). Errors become {@link BackendException}s
 * carrying the status and the {@link ApiError} body. Logs show method, path and status only: never
 * the token or patient data.
 */
public final class HttpBackendClient implements BackendClient, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpBackendClient.class);

    /**
     * Client options.
     *
     * @param connectTimeout  TCP connect timeout
     * @param requestTimeout  whole-request timeout of one attempt
     * @param maxAttempts     attempts of a retryable call (1 = no retries)
     * @param initialBackoff  wait before the first retry; doubled each time
     * @param maxBackoff      longest wait between attempts
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration initialBackoff,
                          Duration maxBackoff) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(100), Duration.ofSeconds(1));

        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }
    }

    /** Waits between attempts (replaced in tests). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI baseUrl;
    private final String clinicId;
    private final String authorization;
    private final Options options;
    private final HttpClient http;
    private final Sleeper sleeper;

    HttpBackendClient(URI baseUrl, String clinicId, String token, Options options, Sleeper sleeper) {
        this.baseUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", ""));
        this.clinicId = Objects.requireNonNull(clinicId, "clinicId");
        this.authorization = "Bearer " + Objects.requireNonNull(token, "token");
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static HttpBackendClient create(URI baseUrl, String clinicId, String token) {
        return create(baseUrl, clinicId, token, Options.DEFAULTS);
    }

    public static HttpBackendClient create(URI baseUrl, String clinicId, String token, Options options) {
        return new HttpBackendClient(baseUrl, clinicId, token, options, d -> Thread.sleep(d));
    }

    public String clinicId() {
        return clinicId;
    }

    @Override
    public ClinicConfig customerConfig() {
        return send("GET", "/customer-config/" + URLEncoder.encode(clinicId, StandardCharsets.UTF_8), null, null, true, ClinicConfig.class);
    }

    @Override
    public AvailabilityResponse checkAvailability(AvailabilityRequest request) {
        return send("POST", "/check-availability", request, null, true, AvailabilityResponse.class);
    }

    @Override
    public Booking bookAppointment(BookingRequest request, String idempotencyKey) {
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        return send("POST", "/book-appointment", request, keyed ? idempotencyKey : null, keyed, Booking.class);
    }

    @Override
    public OtherRequestResult registerOtherRequest(OtherRequest request) {
        return send("POST", "/register-other-requests", request, null, false, OtherRequestResult.class);
    }

    @Override
    public PatientRecord upsertPatient(Patient patient) {
        return send("POST", "/user", patient, null, true, PatientRecord.class);
    }

    @Override
    public PatientLookupResult lookupPatient(PatientLookup lookup) {
        return send("POST", "/user/lookup", lookup, null, true, PatientLookupResult.class);
    }

    @Override
    public void recordCall(CallRecord record) {
        send("POST", "/calls", record, null, true, null);
    }

    /** {@code DELETE /calls?before=<instant>}: retried like the other idempotent calls. */
    @Override
    public int purgeCallsBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        JsonNode answer = send("DELETE", "/calls?before=" + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8),
                null, null, true, JsonNode.class);
        if (answer == null || !answer.path("deleted").canConvertToInt()) {
            throw new BackendException(200, new ApiError("bad_response", "the backend's answer has no deleted count", null), null);
        }
        return answer.path("deleted").asInt();
    }

    /** {@code GET /analytics/summary}: dates inclusive; null → the backend's default range. */
    public AnalyticsSummary analyticsSummary(LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("/analytics/summary");
        char sep = '?';
        if (from != null) {
            q.append(sep).append("from=").append(from);
            sep = '&';
        }
        if (to != null) {
            q.append(sep).append("to=").append(to);
        }
        return send("GET", q.toString(), null, null, true, AnalyticsSummary.class);
    }

    private <T> T send(String method, String path, Object body, String idempotencyKey, boolean retryable, Class<T> type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(options.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = b.build();
        int attempts = retryable ? options.maxAttempts() : 1;
        Duration backoff = options.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            BackendException failure;
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                LOG.debug("{} {} → {}", method, pathOnly(path), r.statusCode());
                if (r.statusCode() / 100 == 2) {
                    return type == null ? null : read(r.body(), type, r.statusCode());
                }
                failure = new BackendException(r.statusCode(), error(r), null);
            } catch (IOException e) {
                LOG.debug("{} {} failed: {}", method, pathOnly(path), e.getClass().getSimpleName());
                failure = new BackendException(0, new ApiError("unreachable", "backend unreachable: " + e.getClass().getSimpleName(), null), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(0, new ApiError("interrupted", "interrupted while calling the backend", null), e);
            }
            if (attempt >= attempts || !failure.isRetryable()) {
                throw failure;
            }
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
            backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : backoff.multipliedBy(2);
        }
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static <T> T read(byte[] body, Class<T> type, int status) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new BackendException(status, new ApiError("bad_response", "the backend's answer is not the expected JSON", null), e);
        }
    }

    private static ApiError error(HttpResponse<byte[]> r) {
        try {
            ApiError e = Json.mapper().readValue(r.body(), ApiError.class);
            if (e != null && e.error() != null) {
                return e;
            }
        } catch (JsonProcessingException ignored) {
            // not an ApiError body: fall through
        } catch (IOException ignored) {
            // same
        }
        return new ApiError("http_" + r.statusCode(), "the backend answered HTTP " + r.statusCode(), null);
    }

    @Override
    public void close() {
        http.close();
    }
}
