package dev.vocadent.postcall.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.PostCallSettings;
import dev.vocadent.postcall.outbox.DeliveryListener;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.Journal;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts for the people running Vocadent, sent to the ops Slack through the outbox (so they are durable
 * and retried too): provider failover, deliveries failing repeatedly or parked, and performance
 * degradation (the p95 of end-of-speech → first audio over the last minute has stayed above the
 * threshold for the whole window, 5 minutes by default), and audio pacing degradation (the share of agent
 * audio frames sent 20 ms or more late, over the pacing window, above the configured ratio). Each kind of
 * alert is sent at most once per {@code min-interval}; the next one says how many were held back, so an
 * outage gives one alert, not thousands. Without an ops webhook, alerts are only logged.
 */
public final class OpsAlerts implements DeliveryListener {
    private static final Logger log = LoggerFactory.getLogger(OpsAlerts.class);
    private static final int MAX_SAMPLES = 20_000;

    private final Journal journal;
    private final PostCallSettings.Ops settings;
    private final Clock clock;
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Integer> suppressed = new HashMap<>();
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final AtomicLong seq = new AtomicLong();
    private Instant degradedSince;
    private final Deque<long[]> pacing = new ArrayDeque<>();   // {epoch millis, frames total, late frames total}
    private volatile LongSupplier pacedFrames;
    private volatile LongSupplier lateFrames;

    /** @param journal where alerts are queued; null → log only */
    public OpsAlerts(Journal journal, PostCallSettings.Ops settings, Clock clock) {
        this.journal = settings.webhook() == null ? null : journal;
        this.settings = settings;
        this.clock = clock;
    }

    /** The voice layer calls this once per turn. Cheap; never blocks on the network. */
    public void recordTurnLatency(String clinicId, TurnLatency latency) {
        checkAudioPacing();
        if (latency == null || latency.eosToFirstAudio() == null) {
            return;
        }
        Instant now = clock.instant();
        long p95;
        synchronized (this) {
            samples.addLast(new long[] {now.toEpochMilli(), latency.eosToFirstAudio()});
            long from = now.minus(settings.latencyWindow()).toEpochMilli();
            while (!samples.isEmpty() && (samples.peekFirst()[0] <= from || samples.size() > MAX_SAMPLES)) {
                samples.removeFirst();
            }
            long[] lastMinute = samples.stream().filter(x -> x[0] > now.toEpochMilli() - 60_000).mapToLong(x -> x[1]).toArray();
            if (lastMinute.length >= 3) {
                boolean slow = p95(lastMinute) > settings.latencyThreshold().toMillis();
                degradedSince = slow ? (degradedSince == null ? now : degradedSince) : null;
            }
            if (degradedSince == null || samples.size() < settings.latencyMinSamples()
                    || Duration.between(degradedSince, now).compareTo(settings.latencyWindow()) < 0) {
                return;
            }
            p95 = p95(samples.stream().mapToLong(x -> x[1]).toArray());
        }
        alert("latency-p95", "Voice latency degraded",
                "p95 end of speech → first audio is " + p95 + " ms over the last " + settings.latencyWindow().toMinutes()
                        + " min (threshold " + settings.latencyThreshold().toMillis() + " ms; latest clinic " + clinicId + ")");
    }

    /**
     * Watches the audio pacers' frame counters (totals since start): they are sampled on every
     * {@link #recordTurnLatency turn} and on {@link #checkAudioPacing()}.
     */
    public void watchAudioPacing(LongSupplier framesTotal, LongSupplier lateFramesTotal) {
        this.pacedFrames = framesTotal;
        this.lateFrames = lateFramesTotal;
    }

    /** Samples the watched pacing counters (nothing when none are watched). Cheap; never blocks on the network. */
    public void checkAudioPacing() {
        LongSupplier frames = pacedFrames;
        LongSupplier late = lateFrames;
        if (frames != null && late != null) {
            recordAudioPacing(frames.getAsLong(), late.getAsLong());
        }
    }

    /**
     * The pacers' totals now: frames sent and frames sent late. When the late share over the pacing window
     * exceeds the threshold (with at least the minimum of frames sent in it), an "Audio pacing degraded"
     * alert goes out (rate-limited like every alert).
     */
    public void recordAudioPacing(long framesTotal, long lateFramesTotal) {
        PostCallSettings.Pacing p = settings.pacing();
        long now = clock.millis();
        long frames;
        long late;
        synchronized (pacing) {
            long[] last = pacing.peekLast();
            if (last == null || now - last[0] >= 1000 || framesTotal < last[1]) {
                if (last != null && framesTotal < last[1]) {
                    pacing.clear(); // counters restarted
                }
                pacing.addLast(new long[] {now, framesTotal, lateFramesTotal});
            }
            long from = now - p.window().toMillis();
            while (pacing.size() > 1 && (pacing.peekFirst()[0] < from || pacing.size() > MAX_SAMPLES)) {
                pacing.removeFirst();
            }
            long[] base = pacing.peekFirst();
            frames = framesTotal - base[1];
            late = lateFramesTotal - base[2];
        }
        if (frames <= 0 || frames < p.minFrames() || (double) late / frames <= p.lateRatio()) {
            return;
        }
        alert("audio-pacing", "Audio pacing degraded",
                String.format(java.util.Locale.ROOT, "%.1f%% of agent audio frames (%d of %d) went out 20 ms or more late over the last %d min"
                        + " (threshold %.1f%%): the pacing thread is starved; check CPU load and calls per node",
                        100.0 * late / frames, late, frames, Math.max(1, p.window().toMinutes()), 100 * p.lateRatio()));
    }

    /** A provider failed and its fallback took over. */
    public void providerFailover(String role, String from, String to, String reason) {
        alert("failover:" + role + ":" + from, "Provider failover",
                role + ": " + from + " → " + to + " (" + reason + ")");
    }

    @Override
    public void failed(OutboxItem item, String reason) {
        if (item.kind() != ItemKind.OPS_ALERT && item.attempts() >= settings.failureAlertAfter()) {
            alert("failing:" + item.kind().wireName(), "Post-call deliveries failing",
                    item.kind().wireName() + " has failed " + item.attempts() + " times in a row (latest: " + reason
                            + "); items are kept and retried");
        }
    }

    @Override
    public void parked(OutboxItem item, String reason) {
        if (item.kind() != ItemKind.OPS_ALERT) {
            alert("parked:" + item.kind().wireName(), "Post-call delivery parked",
                    item.kind().wireName() + " item " + item.id() + " parked: " + reason + ". Fix, then `vocadent outbox --retry-parked`.");
        }
    }

    /** Sends an alert unless one of the same key went out within the min interval. Returns true if sent. */
    public boolean alert(String key, String title, String detail) {
        Instant now = clock.instant();
        int held;
        synchronized (this) {
            Instant last = lastSent.get(key);
            if (last != null && Duration.between(last, now).compareTo(settings.minInterval()) < 0) {
                suppressed.merge(key, 1, Integer::sum);
                return false;
            }
            lastSent.put(key, now);
            held = suppressed.getOrDefault(key, 0);
            suppressed.remove(key);
        }
        String text = detail + (held > 0 ? " (" + held + " similar alerts held back)" : "");
        log.warn("ops alert: {}: {}", title, text);
        if (journal != null) {
            ObjectNode payload = Json.mapper().createObjectNode();
            payload.put("key", key);
            try {
                payload.set("message", Json.mapper().readTree(SlackMessages.json(SlackMessages.opsMessage(title, text))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String id = "ops-" + now.toEpochMilli() + "-" + seq.incrementAndGet();
            journal.put(OutboxItem.create(id, ItemKind.OPS_ALERT, null, null, now, payload));
        }
        return true;
    }

    private static long p95(long[] v) {
        Arrays.sort(v);
        int idx = (int) Math.ceil(0.95 * v.length) - 1;
        return v[Math.max(0, idx)];
    }
}
