package dev.vocadent.postcall;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.webhook.Payload;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.outbox.Backoff;
import dev.vocadent.postcall.outbox.Destination;
import dev.vocadent.postcall.outbox.ItemIds;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.Journal;
import dev.vocadent.postcall.outbox.OutboxItem;
import dev.vocadent.postcall.outbox.OutboxSender;
import dev.vocadent.postcall.record.BackendDestination;
import dev.vocadent.postcall.sentiment.LexiconSentimentAnalyzer;
import dev.vocadent.postcall.slack.OpsAlerts;
import dev.vocadent.postcall.slack.OpsDestination;
import dev.vocadent.postcall.slack.SecretRefs;
import dev.vocadent.postcall.slack.SlackDestination;
import dev.vocadent.postcall.slack.SlackMessages;
import dev.vocadent.postcall.slack.SlackWebhook;
import dev.vocadent.postcall.store.AzureBlobStore;
import dev.vocadent.postcall.store.BlobDestination;
import dev.vocadent.postcall.store.BlobPaths;
import dev.vocadent.postcall.store.BlobStore;
import dev.vocadent.postcall.store.LocalBlobStore;
import dev.vocadent.postcall.store.RetentionJob;
import dev.vocadent.postcall.transcript.Transcripts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-the-call processing. The session calls {@link #submit} once when a call ends: the call is
 * written durably to the outbox journal and the method returns; a background sender then analyses it
 * (sentiment, summary) and delivers the call record to the backend, the message to the clinic's Slack,
 * and the transcript and recording to blob storage, each with its own retries. The voice layer reports
 * per-turn latency with {@link #recordTurnLatency} for the ops alerts.
 */
public final class PostCall implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostCall.class);

    private final PostCallSettings settings;
    private final Journal journal;
    private final BlobStore store;
    private final OutboxSender sender;
    private final OpsAlerts ops;
    private final AnalyseStep analyse;
    private final RetentionJob retention;
    private final boolean backend;
    private final Clock clock;

    private PostCall(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        this.journal = new Journal(settings.outboxDir());
        this.store = b.store != null ? b.store
                : settings.azure().configured() ? AzureBlobStore.create(settings.azure()) : new LocalBlobStore(settings.localStoreDir());
        this.ops = new OpsAlerts(journal, settings.ops(), clock);
        this.backend = b.backend != null;
        this.analyse = new AnalyseStep(journal, b.analyzer, store, backend, settings, clock);
        SlackWebhook webhook = b.slack != null ? b.slack : SlackWebhook.create();
        List<Destination> destinations = new ArrayList<>();
        destinations.add(analyse);
        destinations.add(new BlobDestination(ItemKind.BLOB_TRANSCRIPT, store));
        destinations.add(new BlobDestination(ItemKind.BLOB_RECORDING, store));
        destinations.add(new SlackDestination(webhook, new SecretRefs(b.env)));
        if (b.backend != null) {
            destinations.add(new BackendDestination(b.backend));
        }
        if (settings.ops().webhook() != null) {
            destinations.add(new OpsDestination(webhook, settings.ops().webhook()));
        }
        this.sender = new OutboxSender(journal, destinations, new Backoff(settings.retryBase(), settings.retryMax(), b.random),
                clock, b.metrics, ops, settings.pollInterval());
        CallTranscriptPurger purger = b.purger != null ? b.purger
                : b.backend != null ? CallTranscriptPurger.of(b.backend) : CallTranscriptPurger.NONE;
        this.retention = b.clinics == null ? null : new RetentionJob(store, b.clinics, purger, clock);
        log.info("postcall: outbox {}, store {}, analyser {}, backend {}, ops alerts {}", settings.outboxDir(), store.describe(),
                b.analyzer == null ? "lexicon" : b.analyzer.name(), backend ? "on" : "off",
                settings.ops().webhook() == null ? "log only" : "slack");
    }

    public static Builder builder(PostCallSettings settings) {
        return new Builder(settings);
    }

    /**
     * Queues the finished call durably (fsynced before this returns) and wakes the sender. Bad input
     * ({@link IllegalArgumentException}, e.g. a recording that is not a file) writes nothing.
     */
    public Receipt submit(FinishedCall call) {
        Objects.requireNonNull(call, "finished call");
        FinishedCall stored = call;
        String safe = ItemIds.safe(call.sessionId());
        if (call.recording() != null) {
            if (!Files.isRegularFile(call.recording())) {
                throw new IllegalArgumentException("finished call: recording is not a file: " + call.recording());
            }
            stored = call.withRecording(journal.putFile(safe + ".ogg", call.recording()).toAbsolutePath());
        }
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.set("call", Json.mapper().valueToTree(stored));
        journal.put(OutboxItem.create(ItemIds.of(call.sessionId(), ItemKind.ANALYSE), ItemKind.ANALYSE,
                call.sessionId(), call.clinicId(), clock.instant(), payload));
        sender.wake();
        boolean slack = call.clinic().slackWebhookRef() != null && !call.clinic().slackWebhookRef().isBlank();
        log.info("postcall: call {} of clinic {} queued (outcome {}, {} transcript entries, recording {})",
                call.sessionId(), call.clinicId(), call.outcome().wireName(), call.transcript().size(), call.recording() != null);
        return new Receipt(call.sessionId(), store.locationOf(BlobPaths.transcript(call)),
                call.recording() == null ? null : store.locationOf(BlobPaths.recording(call)), slack);
    }

    /** What would be sent for the call, computed offline; sends and stores nothing. */
    public Preview preview(FinishedCall call) {
        CallAnalysis analysis = new LexiconSentimentAnalyzer().analyze(call);
        String summary = AnalyseStep.summary(call, analysis);
        Payload payload = AnalyseStep.slackPayload(call, analysis, summary, store);
        return new Preview(SlackMessages.json(payload), SlackMessages.text(payload), Transcripts.text(call),
                store.locationOf(BlobPaths.transcript(call)),
                call.recording() == null ? null : store.locationOf(BlobPaths.recording(call)),
                analysis.sentiment(), summary);
    }

    /** The voice layer reports each turn's latency here (feeds the p95 degradation alert). */
    public void recordTurnLatency(String clinicId, TurnLatency latency) {
        ops.recordTurnLatency(clinicId, latency);
    }

    /** The audio pacers' frame totals (sent, sent late) to watch for the "audio pacing degraded" alert. */
    public void watchAudioPacing(java.util.function.LongSupplier framesTotal, java.util.function.LongSupplier lateFramesTotal) {
        ops.watchAudioPacing(framesTotal, lateFramesTotal);
    }

    /** Ops alerts (failover, latency, delivery failures). */
    public OpsAlerts ops() {
        return ops;
    }

    public Journal journal() {
        return journal;
    }

    public BlobStore store() {
        return store;
    }

    public OutboxSender sender() {
        return sender;
    }

    /** The retention job, if clinics were given to the builder. */
    public RetentionJob retention() {
        return retention;
    }

    /** Starts the background sender and (if clinics were given and the interval is not 0) the retention schedule. */
    public void start() {
        sender.start();
        if (retention != null && settings.retentionEnabled()) {
            retention.start(settings.retentionInterval());
        } else if (retention != null) {
            log.info("postcall: retention job off (retention-interval = 0)");
        }
    }

    @Override
    public void close() {
        sender.close();
        if (retention != null) {
            retention.close();
        }
    }

    /** Wiring for {@link PostCall}; everything but the settings has a default. */
    public static final class Builder {
        private final PostCallSettings settings;
        private BackendClientProvider backend;
        private SentimentAnalyzer analyzer;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = new SecureRandom()::nextDouble;
        private MeterRegistry metrics = new SimpleMeterRegistry();
        private Function<String, String> env = System::getenv;
        private BlobStore store;
        private SlackWebhook slack;
        private Supplier<List<ClinicConfig>> clinics;
        private CallTranscriptPurger purger;

        private Builder(PostCallSettings settings) {
            this.settings = Objects.requireNonNull(settings);
        }

        /** Backend clients per clinic; without one no call records are sent. */
        public Builder backend(BackendClientProvider v) { backend = v; return this; }
        /** The LLM analyser; without one the offline classifier and template summary are used. */
        public Builder analyzer(SentimentAnalyzer v) { analyzer = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        /** Jitter source in [0, 1). */
        public Builder random(DoubleSupplier v) { random = v; return this; }
        public Builder metrics(MeterRegistry v) { metrics = v; return this; }
        /** Environment lookup for {@code env:} secret references. */
        public Builder env(Function<String, String> v) { env = v; return this; }
        /** Overrides the store chosen from the settings. */
        public Builder store(BlobStore v) { store = v; return this; }
        public Builder slack(SlackWebhook v) { slack = v; return this; }
        /** The clinics whose recordings, transcripts and backend call records the retention job prunes (none → no job). */
        public Builder clinics(Supplier<List<ClinicConfig>> v) { clinics = v; return this; }
        /** Overrides the backend purge (default: through {@link #backend}, or none without a backend). */
        public Builder purger(CallTranscriptPurger v) { purger = v; return this; }

        public PostCall build() {
            return new PostCall(this);
        }
    }
}
