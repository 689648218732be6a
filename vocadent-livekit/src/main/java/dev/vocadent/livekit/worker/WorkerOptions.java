package dev.vocadent.livekit.worker;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one LiveKit agent worker (see {@code vocadent.livekit} in reference.conf).
 *
 * @param url            LiveKit server URL (ws://, wss://, http:// or https://); the worker connects to {@code <url>/agent}
 * @param apiKey         LiveKit API key
 * @param apiSecret      LiveKit API secret (never logged)
 * @param agentName      name the dispatch rule asks for (explicit dispatch)
 * @param loadThreshold  at or above this load (0..1) the worker reports itself full and declines jobs
 * @param maxJobs        most concurrent calls; load from jobs is active/maxJobs
 * @param statusInterval how often load and status are reported
 * @param maxBackoff     longest wait between reconnection attempts
 */
public record WorkerOptions(
        URI url,
        String apiKey,
        String apiSecret,
        String agentName,
        double loadThreshold,
        int maxJobs,
        Duration statusInterval,
        Duration maxBackoff) {

    public static final double DEFAULT_LOAD_THRESHOLD = 0.7;

    public WorkerOptions {
        Objects.requireNonNull(url, "url");
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required");
        }
        if (loadThreshold <= 0 || loadThreshold > 1) {
            throw new IllegalArgumentException("load threshold must be in (0, 1]: " + loadThreshold);
        }
        if (maxJobs < 1) {
            throw new IllegalArgumentException("max jobs must be at least 1: " + maxJobs);
        }
    }

    /** The agent endpoint: the server URL with a ws scheme and {@code /agent} appended to its path. */
    public URI agentEndpoint() {
        String scheme = switch (url.getScheme()) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("LiveKit URL must be ws(s):// or http(s)://: " + url);
        };
        String path = url.getPath() == null ? "" : url.getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path + "/agent");
    }

    @Override
    public String toString() {
        return "WorkerOptions[url=" + url + ", agentName=" + agentName + ", loadThreshold=" + loadThreshold
                + ", maxJobs=" + maxJobs + ", apiSecret=<redacted>]";
    }
}
