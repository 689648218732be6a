package dev.vocadent.postcall;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code vocadent.postcall} block of reference.conf (plus {@code vocadent.data-dir}).
 *
 * @param outboxDir         the journal directory
 * @param localStoreDir     recordings and transcripts when Azure is not configured
 * @param pollInterval      how often the idle sender looks for due items
 * @param retryBase         first wait after a failed delivery
 * @param retryMax          longest wait between attempts (there is no attempt limit)
 * @param prices            unit prices for the cost estimate
 * @param azure             Azure Blob Storage settings (not configured → local store)
 * @param ops               ops alert settings
 * @param retentionInterval how often the retention job runs; zero → it does not run
 */
public record PostCallSettings(
        Path outboxDir,
        Path localStoreDir,
        Duration pollInterval,
        Duration retryBase,
        Duration retryMax,
        Prices prices,
        Azure azure,
        Ops ops,
        Duration retentionInterval) {

    public PostCallSettings {
        if (retentionInterval == null || retentionInterval.isNegative()) {
            throw new IllegalArgumentException("vocadent.postcall.retention-interval: must be 0 (off) or a positive duration");
        }
    }

    /** Whether the retention job runs at all ({@code retention-interval} not 0). */
    public boolean retentionEnabled() {
        return !retentionInterval.isZero();
    }

    /** USD unit prices. */
    public record Prices(double llmPromptPerMillionTokens, double llmCompletionPerMillionTokens,
                         double ttsPerThousandCharacters, double sttPerMinute) {}

    /** Azure Blob Storage: a connection string, or an account with a key or a SAS token. */
    public record Azure(String container, String connectionString, String accountName, String accountKey,
                        String sasToken, String endpoint, Duration timeout) {
        public boolean configured() {
            return present(connectionString) || (present(accountName) && (present(accountKey) || present(sasToken)));
        }

        @Override
        public String toString() {
            return "Azure[container=" + container + ", configured=" + configured() + "]";
        }
    }

    /**
     * Ops alerts.
     *
     * @param webhook            the ops Slack webhook URL (null → alerts are only logged)
     * @param latencyThreshold   p95 end-of-speech → first audio above this is degraded
     * @param latencyWindow      … for this long (and the p95 is over this window)
     * @param latencyMinSamples  fewer turns than this in the window say nothing
     * @param minInterval        one alert per kind per this interval
     * @param failureAlertAfter  a delivery failing this many times in a row raises an alert
     * @param pacing             the audio pacing alert
     */
    public record Ops(String webhook, Duration latencyThreshold, Duration latencyWindow, int latencyMinSamples,
                      Duration minInterval, int failureAlertAfter, Pacing pacing) {
        /** Without a pacing setting: {@link Pacing#DEFAULTS}. */
        public Ops(String webhook, Duration latencyThreshold, Duration latencyWindow, int latencyMinSamples,
                   Duration minInterval, int failureAlertAfter) {
            this(webhook, latencyThreshold, latencyWindow, latencyMinSamples, minInterval, failureAlertAfter, Pacing.DEFAULTS);
        }

        @Override
        public String toString() {
            return "Ops[webhook=" + (webhook == null ? "none" : "<redacted>") + ", latencyThreshold=" + latencyThreshold + "]";
        }
    }

    /**
     * The "audio pacing degraded" alert.
     *
     * @param lateRatio  late frames / frames sent over the window above this is degraded
     * @param window     the window the ratio is taken over
     * @param minFrames  fewer frames than this in the window say nothing
     */
    public record Pacing(double lateRatio, Duration window, long minFrames) {
        public static final Pacing DEFAULTS = new Pacing(0.01, Duration.ofMinutes(5), 3000);

        public Pacing {
            if (!(lateRatio >= 0 && lateRatio <= 1)) {
                throw new IllegalArgumentException("pacing late ratio must be between 0 and 1, was " + lateRatio);
            }
        }
    }

    /** Reads the settings from the {@code vocadent} config (as {@code Settings.load()} returns it). */
    public static PostCallSettings from(Config vocadent) {
        Path dataDir = Path.of(vocadent.getString("data-dir"));
        Config p = vocadent.getConfig("postcall");
        Config a = p.getConfig("azure");
        Config o = p.getConfig("ops");
        Config pr = p.getConfig("prices");
        return new PostCallSettings(
                dirOr(p, "outbox-dir", dataDir.resolve("outbox")),
                dirOr(p, "local-store-dir", dataDir.resolve("recordings")),
                p.getDuration("poll-interval"),
                p.getDuration("retry-base"),
                p.getDuration("retry-max"),
                new Prices(pr.getDouble("llm-prompt-per-million-tokens"), pr.getDouble("llm-completion-per-million-tokens"),
                        pr.getDouble("tts-per-thousand-characters"), pr.getDouble("stt-per-minute")),
                new Azure(a.getString("container"), opt(a, "connection-string"), opt(a, "account-name"),
                        opt(a, "account-key"), opt(a, "sas-token"), opt(a, "endpoint"), a.getDuration("timeout")),
                new Ops(opt(o, "webhook"), o.getDuration("latency-threshold"), o.getDuration("latency-window"),
                        o.getInt("latency-min-samples"), o.getDuration("min-interval"), o.getInt("failure-alert-after"),
                        new Pacing(o.getDouble("pacing-late-ratio"), o.getDuration("pacing-window"), o.getLong("pacing-min-frames"))),
                p.getDuration("retention-interval"));
    }

    private static Path dirOr(Config c, String key, Path fallback) {
        String v = opt(c, key);
        return v == null ? fallback : Path.of(v);
    }

    private static String opt(Config c, String key) {
        if (!c.hasPath(key)) {
            return null;
        }
        String v = c.getString(key);
        return v.isBlank() ? null : v;
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
