package dev.vocadent.postcall;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.ClinicConfigs;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Calls and settings the tests share. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-03-03T10:15:00Z");
    public static final String CALLER = "+447700900123";
    public static final String SLACK_ENV = "VOCADENT_SLACK_WEBHOOK_WESTBURY";

    private Fixtures() {}

    public static PostCallSettings settings(Path dir) {
        return new PostCallSettings(dir.resolve("outbox"), dir.resolve("recordings"), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofMinutes(5),
                new PostCallSettings.Prices(0.15, 0.60, 0.18, 0.0043),
                new PostCallSettings.Azure("vocadent-calls", null, null, null, null, null, Duration.ofSeconds(10)),
                new PostCallSettings.Ops(null, Duration.ofMillis(1500), Duration.ofMinutes(5), 20, Duration.ofMinutes(30), 5),
                Duration.ofHours(6));
    }

    public static PostCallSettings withOps(PostCallSettings s, String webhook) {
        return new PostCallSettings(s.outboxDir(), s.localStoreDir(), s.pollInterval(), s.retryBase(), s.retryMax(), s.prices(),
                s.azure(), new PostCallSettings.Ops(webhook, s.ops().latencyThreshold(), s.ops().latencyWindow(),
                s.ops().latencyMinSamples(), s.ops().minInterval(), s.ops().failureAlertAfter()), s.retentionInterval());
    }

    public static ClinicConfig westbury() {
        return DemoClinics.westbury();
    }

    /** Westbury with {@code slack_full_patient_details} switched on. */
    public static ClinicConfig westburyFullDetails() {
        String json = DemoClinics.json(DemoClinics.WESTBURY).replace("\"slack_full_patient_details\": false", "\"slack_full_patient_details\": true");
        return ClinicConfigs.parse(json);
    }

    /** A booked phone call with barge-in, tool calls and DTMF. */
    public static FinishedCall booked(String sessionId, ClinicConfig clinic, Path recording) {
        var f = JsonNodeFactory.instance;
        Booking booking = new Booking("bk-42", "slot-7", "pt-9", "wb-dr-patel", "Dr Sarah Patel",
                OffsetDateTime.parse("2026-03-05T14:30:00Z"), OffsetDateTime.parse("2026-03-05T15:00:00Z"),
                "Thursday 5 March at 2:30pm", "check-up", BookingType.NHS, sessionId);
        List<TranscriptEntry> t = List.of(
                TranscriptEntry.agent(T0.plusSeconds(1), "Hello, you're through to Westbury Dental. How can I help you today?"),
                TranscriptEntry.caller(T0.plusSeconds(5), "Hi, I'd like to book a check-up please."),
                TranscriptEntry.agent(T0.plusSeconds(7), "Of course. Is that NHS or", "Of course. Is that NHS or private?"),
                TranscriptEntry.caller(T0.plusSeconds(8), "NHS please."),
                TranscriptEntry.tool(T0.plusSeconds(9), "update_booking_type", f.objectNode().put("booking_type", "nhs"), true, "booking type set", null),
                TranscriptEntry.dtmf(T0.plusSeconds(30), "1"),
                TranscriptEntry.tool(T0.plusSeconds(60), "book_appointment", f.objectNode(), true, "booked", f.objectNode().put("booking_id", "bk-42")),
                TranscriptEntry.caller(T0.plusSeconds(70), "Brilliant, thank you so much, that's really helpful."),
                TranscriptEntry.agent(T0.plusSeconds(72), "You're welcome. Goodbye!"));
        return new FinishedCall(sessionId, recording == null ? Channel.CHAT : Channel.SIP, clinic, CALLER, T0,
                T0.plusSeconds(75), CallOutcome.BOOKED, "Sarah Jones", CALLER, LocalDate.of(1985, 4, 12), null,
                "check-up", BookingType.NHS, "Dr Sarah Patel", "Thursday 5 March at 2:30pm", null, booking, t,
                List.of(new TurnLatency(120L, 300L, 200L, 620L), new TurnLatency(110L, 280L, 210L, 600L)),
                new Usage(12_000, 800, 1_500, 75.0), recording);
    }

    /** A short unhappy enquiry by chat. */
    public static FinishedCall unhappyChat(String sessionId) {
        return new FinishedCall(sessionId, Channel.CHAT, westbury(), null, T0, T0.plusSeconds(40), CallOutcome.ENQUIRY_ONLY,
                null, null, null, null, null, null, null, null, null, null,
                List.of(TranscriptEntry.caller(T0.plusSeconds(3), "I've been on hold for ages, this is ridiculous.")),
                List.of(), null, null);
    }
}
