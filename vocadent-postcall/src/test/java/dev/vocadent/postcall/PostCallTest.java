package dev.vocadent.postcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.api.SentimentLabel;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.postcall.outbox.ItemKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostCallTest {
    @TempDir Path dir;
    SlackServer slack;
    FakeBackend backend;
    MutableClock clock;
    SimpleMeterRegistry metrics;
    PostCall postCall;

    @BeforeEach
    void setUp() {
        slack = new SlackServer();
        backend = new FakeBackend();
        clock = new MutableClock(Fixtures.T0.plusSeconds(80));
        metrics = new SimpleMeterRegistry();
        postCall = build(null);
    }

    PostCall build(SentimentAnalyzer analyzer) {
        return PostCall.builder(Fixtures.settings(dir)).backend(id -> backend).clock(clock).random(() -> 0.5)
                .metrics(metrics).analyzer(analyzer).env(Map.of(Fixtures.SLACK_ENV, slack.url())::get).build();
    }

    @AfterEach
    void tearDown() {
        postCall.close();
        slack.close();
    }

    private Path recording() throws Exception {
        Path rec = dir.resolve("call.ogg");
        Files.write(rec, new byte[] {'O', 'g', 'g', 'S', 0, 2, 0, 0});
        return rec;
    }

    @Test
    void aBookedPhoneCallReachesEveryDestinationOnce() throws Exception {
        Receipt receipt = postCall.submit(Fixtures.booked("sess-1", Fixtures.westbury(), recording()));

        assertThat(postCall.journal().pending()).extracting(i -> i.kind()).containsExactly(ItemKind.ANALYSE);
        postCall.sender().runOnce();
        postCall.sender().runOnce();

        assertThat(postCall.journal().pending()).isEmpty();
        assertThat(slack.delivered).hasSize(1);
        assertThat(backend.calls).containsExactly("sess-1");
        Path transcript = Path.of(receipt.transcriptLocation());
        Path recording = Path.of(receipt.recordingLocation());
        assertThat(transcript).isEqualTo(dir.resolve("recordings/westbury/2026/03/03/sess-1.json").toAbsolutePath());
        assertThat(recording).hasBinaryContent(new byte[] {'O', 'g', 'g', 'S', 0, 2, 0, 0});
        assertThat(Files.list(postCall.journal().filesDir())).as("outbox copy of the recording removed after upload").isEmpty();

        JsonNode doc = Json.mapper().readTree(transcript.toFile());
        assertThat(doc.get("session_id").asText()).isEqualTo("sess-1");
        assertThat(doc.get("entries")).hasSize(9);
        assertThat(doc.get("entries").get(2).get("text").asText()).isEqualTo("Of course. Is that NHS or");
        assertThat(doc.get("entries").get(2).get("interrupted").asBoolean()).isTrue();
        assertThat(doc.get("entries").get(4).get("args").get("booking_type").asText()).isEqualTo("nhs");
        assertThat(doc.get("entries").get(5).get("digits").asText()).isEqualTo("1");
        assertThat(doc.get("text").asText()).contains("[00:07] agent: Of course. Is that NHS or [interrupted]")
                .contains("[00:30] dtmf: 1").contains("tool book_appointment() → ok: booked");

        CallRecord r = backend.records.get("sess-1");
        assertThat(r.outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(r.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(r.durationSeconds()).isEqualTo(75.0);
        assertThat(r.callerPhone()).isEqualTo("+44*******123");
        assertThat(r.bookingId()).isEqualTo("bk-42");
        assertThat(r.recordingUrl()).isEqualTo(recording.toString());
        assertThat(r.latency()).hasSize(2);
        assertThat(r.usage().ttsCharacters()).isEqualTo(1500);
        // 12k prompt × 0.15/M + 800 × 0.60/M + 1.5k chars × 0.18/k + 75 s × 0.0043/min
        assertThat(r.estimatedCostUsd()).isEqualTo(0.0018 + 0.00048 + 0.27 + 0.005375, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.summary()).startsWith("Sarah Jones called Westbury Dental and booked an NHS check-up with Dr Sarah Patel for Thursday 5 March at 2:30pm.");
        assertThat(r.transcript().get("entries")).hasSize(9);

        assertThat(metrics.counter("vocadent.postcall.deliveries", "destination", "slack", "result", "delivered").count()).isEqualTo(1);
        assertThat(metrics.counter("vocadent.postcall.deliveries", "destination", "blob_recording", "result", "delivered").count()).isEqualTo(1);
    }

    @Test
    void theSlackMessageIsBlockKitWithMaskedPatientData() throws Exception {
        postCall.submit(Fixtures.booked("sess-2", Fixtures.westbury(), recording()));
        postCall.sender().runOnce();
        postCall.sender().runOnce();

        JsonNode msg = Json.mapper().readTree(slack.delivered.getFirst());
        String all = msg.toString();
        assertThat(msg.get("text").asText()).contains("✅ booked").contains("Westbury Dental").contains("+44*******123");
        JsonNode blocks = msg.get("blocks");
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("✅ Call to Westbury Dental");
        JsonNode facts = blocks.get(1).get("fields");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(facts.get(0).get("type").asText()).isEqualTo("mrkdwn");
        assertThat(facts.get(0).get("text").asText()).isEqualTo("*Caller*\n+44*******123");
        assertThat(facts.get(1).get("text").asText()).isEqualTo("*Outcome*\n✅ booked");
        assertThat(facts.get(2).get("text").asText()).startsWith("*Sentiment*\n🙂 positive (+");
        assertThat(facts.get(3).get("text").asText()).isEqualTo("*Duration*\n1:15 (sip)");
        assertThat(all).contains("*Summary*\\nSarah Jones called Westbury Dental")
                .contains("*Appointment*\\nThursday 5 March at 2:30pm").contains("*Clinician*\\nDr Sarah Patel")
                .contains("*Date of birth*\\n****-**-**").contains("Recording: `").contains("sess-2.ogg")
                .doesNotContain("7700900123").doesNotContain("1985-04-12");
    }

    @Test
    void aClinicThatAllowsFullDetailsSeesThemInItsOwnSlack() throws Exception {
        postCall.submit(Fixtures.booked("sess-3", Fixtures.westburyFullDetails(), null));
        postCall.sender().runOnce();
        postCall.sender().runOnce();

        assertThat(slack.delivered.getFirst()).contains("+447700900123").contains("1985-04-12");
        assertThat(backend.records.get("sess-3").callerPhone()).isEqualTo("+447700900123");
    }

    @Test
    void aChatCallStoresOnlyTheTranscript() {
        Receipt receipt = postCall.submit(Fixtures.unhappyChat("chat-1"));
        postCall.sender().runOnce();
        postCall.sender().runOnce();

        assertThat(receipt.recordingLocation()).isNull();
        assertThat(Path.of(receipt.transcriptLocation())).exists();
        assertThat(backend.records.get("chat-1").sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(backend.records.get("chat-1").recordingUrl()).isNull();
        assertThat(slack.delivered.getFirst()).contains("❓ enquiry only").contains("🙁 negative").contains("withheld");
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> postCall.submit(Fixtures.booked("sess-4", Fixtures.westbury(), dir.resolve("missing.ogg"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recording is not a file");
        assertThatThrownBy(() -> new FinishedCall(" ", Channel.SIP, Fixtures.westbury(), null, Fixtures.T0, Fixtures.T0,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessage("finished call: session_id is required");
        assertThatThrownBy(() -> new FinishedCall("x", Channel.SIP, Fixtures.westbury(), null, Fixtures.T0, Fixtures.T0.minusSeconds(1),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessage("finished call: ended_at is before started_at");
        assertThatThrownBy(() -> new FinishedCall("x", Channel.CHAT, Fixtures.westbury(), null, Fixtures.T0, Fixtures.T0,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, dir.resolve("a.ogg")))
                .hasMessage("finished call: recording must be null for a chat call");
        assertThat(postCall.journal().pending()).isEmpty();
    }

    @Test
    void aFailingLlmAnalyserFallsBackToTheOfflineOne() {
        postCall.close();
        postCall = build(call -> {
            throw new IllegalStateException("model overloaded");
        });
        postCall.submit(Fixtures.unhappyChat("chat-2"));
        postCall.sender().runOnce();
        postCall.sender().runOnce();
        assertThat(backend.records.get("chat-2").sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void theLlmAnalysersSentimentAndSummaryAreUsed() {
        postCall.close();
        postCall = build(call -> new CallAnalysis(new dev.vocadent.core.api.Sentiment(SentimentLabel.NEUTRAL, 0.1, "calm caller"),
                "The caller asked about hold times.", "test-llm"));
        postCall.submit(Fixtures.unhappyChat("chat-3"));
        postCall.sender().runOnce();
        postCall.sender().runOnce();
        CallRecord r = backend.records.get("chat-3");
        assertThat(r.sentiment().reason()).isEqualTo("calm caller");
        assertThat(r.summary()).isEqualTo("The caller asked about hold times.");
    }

    @Test
    void theBackgroundSenderDeliversWithoutBeingDriven() throws Exception {
        postCall.start();
        postCall.submit(Fixtures.booked("sess-5", Fixtures.westbury(), null));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((slack.delivered.isEmpty() || backend.records.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slack.delivered).hasSize(1);
        assertThat(backend.records).containsKey("sess-5");
    }

    @Test
    void previewShowsTheSlackMessageAndWhereThingsAreStoredWithoutSending() {
        Preview p = postCall.preview(Fixtures.booked("sess-6", Fixtures.westbury(), null));
        assertThat(p.slackJson()).contains("\"blocks\"").contains("✅ booked");
        assertThat(p.slackText()).contains("== ✅ Call to Westbury Dental ==").contains("Caller: +44*******123");
        assertThat(p.transcriptLocation()).endsWith("westbury/2026/03/03/sess-6.json");
        assertThat(p.transcriptText()).contains("caller: NHS please.");
        assertThat(postCall.journal().pending()).isEmpty();
        assertThat(slack.requests.get()).isZero();
        assertThat(List.of(p.sentiment().label())).containsExactly(SentimentLabel.POSITIVE);
        assertThat(p.describe()).startsWith("--- Slack message ---\n== ✅ Call to Westbury Dental ==")
                .contains("--- stored ---\ntranscript: " + p.transcriptLocation()).doesNotContain("recording:");
    }

    @Test
    void aCorruptJournalEntryIsQuarantinedWithALogLineAndTheRestStillDelivered() throws Exception {
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        var journalLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(dev.vocadent.postcall.outbox.Journal.class);
        journalLog.addAppender(logs);
        try {
            postCall.submit(Fixtures.booked("good-1", Fixtures.westbury(), null));
            postCall.submit(Fixtures.booked("bad-1", Fixtures.westbury(), null));
            Path bad = dir.resolve("outbox/pending/bad-1.analyse.item");
            byte[] b = Files.readAllBytes(bad);
            b[b.length / 2] ^= 0x01;
            Files.write(bad, b);

            postCall.sender().runOnce();
            postCall.sender().runOnce();

            assertThat(backend.records).containsOnlyKeys("good-1");
            assertThat(slack.delivered).hasSize(1);
            assertThat(postCall.journal().quarantined()).singleElement().asString().startsWith("bad-1.analyse.item.");
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .startsWith("outbox: corrupt entry bad-1.analyse.item quarantined").contains("checksum mismatch"));
        } finally {
            journalLog.detachAppender(logs);
        }
    }
}
