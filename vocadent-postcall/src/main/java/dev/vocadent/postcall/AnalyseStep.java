package dev.vocadent.postcall;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.webhook.Payload;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.outbox.Delivery;
import dev.vocadent.postcall.outbox.Destination;
import dev.vocadent.postcall.outbox.ItemIds;
import dev.vocadent.postcall.outbox.ItemKind;
import dev.vocadent.postcall.outbox.Journal;
import dev.vocadent.postcall.outbox.OutboxItem;
import dev.vocadent.postcall.record.CallRecords;
import dev.vocadent.postcall.sentiment.LexiconSentimentAnalyzer;
import dev.vocadent.postcall.sentiment.TemplateSummary;
import dev.vocadent.postcall.slack.SlackMessages;
import dev.vocadent.postcall.store.BlobPaths;
import dev.vocadent.postcall.store.BlobStore;
import dev.vocadent.postcall.transcript.Transcripts;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a queued finished call into one outbox item per destination: sentiment and summary (LLM
 * analyser if set, offline otherwise), the transcript, the call record, the Slack message. The items
 * are written before the {@code analyse} item is removed, and nothing of the session is delivered
 * while it exists, so a crash here only means the step runs again.
 */
final class AnalyseStep implements Destination {
    private static final Logger log = LoggerFactory.getLogger(AnalyseStep.class);

    private final Journal journal;
    private final SentimentAnalyzer analyzer;
    private final LexiconSentimentAnalyzer offline = new LexiconSentimentAnalyzer();
    private final BlobStore store;
    private final boolean backend;
    private final PostCallSettings settings;
    private final Clock clock;

    AnalyseStep(Journal journal, SentimentAnalyzer analyzer, BlobStore store, boolean backend, PostCallSettings settings, Clock clock) {
        this.journal = journal;
        this.analyzer = analyzer;
        this.store = store;
        this.backend = backend;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.ANALYSE;
    }

    @Override
    public Delivery deliver(OutboxItem item) throws IOException {
        FinishedCall call;
        try {
            call = Json.mapper().treeToValue(item.payload().get("call"), FinishedCall.class);
        } catch (IOException | IllegalArgumentException e) {
            return Destination.park("unreadable finished call: " + e.getMessage());
        }
        CallAnalysis analysis = analyse(call);
        for (OutboxItem out : items(call, analysis, clock, store, backend, settings)) {
            journal.put(out);
        }
        return Destination.done();
    }

    CallAnalysis analyse(FinishedCall call) {
        if (analyzer != null) {
            try {
                CallAnalysis a = analyzer.analyze(call);
                if (a != null) {
                    return a;
                }
                log.warn("postcall: analyser {} returned nothing for {}; using the offline classifier", analyzer.name(), call.sessionId());
            } catch (Exception e) {
                log.warn("postcall: analyser {} failed for {} ({}); using the offline classifier",
                        analyzer.name(), call.sessionId(), e.getClass().getSimpleName());
            }
        }
        return offline.analyze(call);
    }

    static String summary(FinishedCall call, CallAnalysis analysis) {
        return analysis.summary() != null && !analysis.summary().isBlank() ? analysis.summary() : TemplateSummary.of(call);
    }

    static ObjectNode transcriptDocument(FinishedCall call, CallAnalysis analysis, String summary) {
        ObjectNode doc = Transcripts.json(call);
        doc.put("summary", summary);
        doc.set("sentiment", Json.mapper().valueToTree(analysis.sentiment()));
        doc.put("text", Transcripts.text(call));
        return doc;
    }

    static Payload slackPayload(FinishedCall call, CallAnalysis analysis, String summary, BlobStore store) {
        return SlackMessages.callMessage(call, analysis.sentiment(), summary,
                call.recording() == null ? null : store.locationOf(BlobPaths.recording(call)),
                store.locationOf(BlobPaths.transcript(call)));
    }

    static java.util.List<OutboxItem> items(FinishedCall call, CallAnalysis analysis, Clock clock, BlobStore store,
                                            boolean backend, PostCallSettings settings) throws IOException {
        var now = clock.instant();
        String summary = summary(call, analysis);
        ObjectNode transcript = transcriptDocument(call, analysis, summary);
        java.util.List<OutboxItem> out = new java.util.ArrayList<>();

        ObjectNode t = Json.mapper().createObjectNode();
        t.put("name", BlobPaths.transcript(call));
        t.put("content_type", BlobPaths.JSON);
        t.set("body", transcript);
        out.add(OutboxItem.create(ItemIds.of(call.sessionId(), ItemKind.BLOB_TRANSCRIPT), ItemKind.BLOB_TRANSCRIPT,
                call.sessionId(), call.clinicId(), now, t));

        String recordingUrl = null;
        if (call.recording() != null) {
            recordingUrl = store.locationOf(BlobPaths.recording(call));
            ObjectNode r = Json.mapper().createObjectNode();
            r.put("name", BlobPaths.recording(call));
            r.put("content_type", BlobPaths.OGG);
            r.put("file", call.recording().toString());
            out.add(OutboxItem.create(ItemIds.of(call.sessionId(), ItemKind.BLOB_RECORDING), ItemKind.BLOB_RECORDING,
                    call.sessionId(), call.clinicId(), now, r));
        }
        if (backend) {
            CallRecord record = CallRecords.of(call, analysis, summary, transcript, settings.prices(), recordingUrl);
            ObjectNode b = Json.mapper().createObjectNode();
            b.set("record", Json.mapper().valueToTree(record));
            out.add(OutboxItem.create(ItemIds.of(call.sessionId(), ItemKind.BACKEND_RECORD), ItemKind.BACKEND_RECORD,
                    call.sessionId(), call.clinicId(), now, b));
        }
        if (call.clinic().slackWebhookRef() != null && !call.clinic().slackWebhookRef().isBlank()) {
            ObjectNode s = Json.mapper().createObjectNode();
            s.put("webhook_ref", call.clinic().slackWebhookRef());
            s.set("message", Json.mapper().readTree(SlackMessages.json(slackPayload(call, analysis, summary, store))));
            out.add(OutboxItem.create(ItemIds.of(call.sessionId(), ItemKind.SLACK), ItemKind.SLACK,
                    call.sessionId(), call.clinicId(), now, s));
        }
        return out;
    }
}
