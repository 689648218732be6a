package dev.vocadent.postcall.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;
import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.privacy.Redact;
import dev.vocadent.postcall.FinishedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Block Kit message a practice's Slack gets after each call: practice, caller number (masked unless
 * the clinic allows full details), outcome with its emoji, sentiment with its emoji, duration, summary,
 * booking details and links to the recording and transcript.
 */
public final class SlackMessages {
    private SlackMessages() {}

    public static Payload callMessage(FinishedCall call, Sentiment sentiment, String summary,
                                      String recordingLocation, String transcriptLocation) {
        boolean full = Boolean.TRUE.equals(call.clinic().slackFullPatientDetails());
        String practice = call.clinic().customer() != null ? call.clinic().customer().name() : call.clinicId();
        String caller = call.callerPhone() == null ? "withheld" : full ? call.callerPhone() : Redact.phone(call.callerPhone());
        String outcome = call.outcome().emoji() + " " + call.outcome().wireName().replace('_', ' ');
        String feeling = sentimentEmoji(sentiment) + " " + sentiment.label().wireName()
                + String.format(Locale.ROOT, " (%+.2f)", sentiment.score());

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(call.outcome().emoji() + " Call to " + practice, true))));
        List<TextObject> facts = new ArrayList<>();
        facts.add(markdownText("*Caller*\n" + esc(caller)));
        facts.add(markdownText("*Outcome*\n" + outcome));
        facts.add(markdownText("*Sentiment*\n" + feeling));
        facts.add(markdownText("*Duration*\n" + duration(call) + " (" + call.channel().wireName() + ")"));
        blocks.add(section(s -> s.fields(facts)));
        if (sentiment.reason() != null && !sentiment.reason().isBlank()) {
            blocks.add(context(c -> c.elements(List.of(markdownText("_" + esc(sentiment.reason()) + "_")))));
        }
        blocks.add(section(s -> s.text(markdownText("*Summary*\n" + esc(summary)))));
        List<TextObject> booking = bookingFields(call, full);
        if (!booking.isEmpty()) {
            blocks.add(divider());
            blocks.add(section(s -> s.fields(booking)));
        }
        List<TextObject> links = new ArrayList<>();
        if (recordingLocation != null) {
            links.add(markdownText(link("Recording", recordingLocation)));
        }
        if (transcriptLocation != null) {
            links.add(markdownText(link("Transcript", transcriptLocation)));
        }
        links.add(markdownText("Session `" + esc(call.sessionId()) + "`"));
        blocks.add(context(c -> c.elements(new ArrayList<>(links))));

        String fallback = outcome + " · " + practice + " · " + caller + " · " + sentiment.label().wireName();
        return Payload.builder().text(fallback).blocks(blocks).build();
    }

    /** A plain ops alert. */
    public static Payload opsMessage(String title, String detail) {
        List<LayoutBlock> blocks = List.of(
                header(h -> h.text(plainText("⚠️ " + title, true))),
                section(s -> s.text(markdownText(esc(detail)))));
        return Payload.builder().text("⚠️ " + title + ": " + detail).blocks(blocks).build();
    }

    /** The payload as Slack receives it (the SDK's own snake_case Gson). */
    public static String json(Payload payload) {
        return GsonFactory.createSnakeCase().toJson(payload);
    }

    /** A readable rendering of a call message for terminals ({@code chat}/{@code demo}). */
    public static String text(Payload payload) {
        return PayloadText.render(payload);
    }

    private static List<TextObject> bookingFields(FinishedCall call, boolean full) {
        List<TextObject> f = new ArrayList<>();
        if (call.patientName() != null) {
            f.add(markdownText("*Patient*\n" + esc(call.patientName())));
        }
        if (call.dateOfBirth() != null) {
            f.add(markdownText("*Date of birth*\n" + (full ? call.dateOfBirth().toString() : Redact.dateOfBirth(call.dateOfBirth()))));
        }
        if (call.patientPhone() != null && !call.patientPhone().equals(call.callerPhone())) {
            f.add(markdownText("*Contact number*\n" + esc(full ? call.patientPhone() : Redact.phone(call.patientPhone()))));
        }
        if (call.consultationType() != null) {
            f.add(markdownText("*Treatment*\n" + esc(call.consultationType()
                    + (call.bookingType() != null ? " (" + call.bookingType().wireName().toUpperCase(Locale.ROOT) + ")" : ""))));
        }
        if (call.slotLabel() != null) {
            f.add(markdownText("*Appointment*\n" + esc(call.slotLabel())));
        }
        if (call.doctorName() != null) {
            f.add(markdownText("*Clinician*\n" + esc(call.doctorName())));
        }
        if (call.bookingId() != null) {
            f.add(markdownText("*Booking*\n`" + esc(call.bookingId()) + "`"));
        }
        if (call.requestType() != null) {
            f.add(markdownText("*Request*\n" + call.requestType().wireName()));
        }
        return f.size() > 10 ? f.subList(0, 10) : f;
    }

    static String sentimentEmoji(Sentiment s) {
        return switch (s.label()) {
            case POSITIVE -> "🙂";
            case NEUTRAL -> "😐";
            case NEGATIVE -> "🙁";
        };
    }

    private static String link(String label, String location) {
        return location.startsWith("http://") || location.startsWith("https://")
                ? "<" + location.replace("|", "%7C").replace(">", "%3E") + "|" + label + ">"
                : label + ": `" + esc(location) + "`";
    }

    private static String duration(FinishedCall call) {
        long s = call.duration().toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Slack mrkdwn escaping: &, <, >. */
    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
