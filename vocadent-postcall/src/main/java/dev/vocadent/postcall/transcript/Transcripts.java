package dev.vocadent.postcall.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The transcript of a call in its two forms: JSON (stored beside the recording and sent in the call
 * record) and readable text ({@code [00:12] caller: …}). Offsets are from the call start.
 */
public final class Transcripts {
    private Transcripts() {}

    /** {@code {session_id, clinic_id, channel, started_at, ended_at, outcome, entries:[…]}}. */
    public static ObjectNode json(FinishedCall call) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("session_id", call.sessionId());
        root.put("clinic_id", call.clinicId());
        root.put("channel", call.channel().wireName());
        root.put("started_at", call.startedAt().toString());
        root.put("ended_at", call.endedAt().toString());
        root.put("outcome", call.outcome().wireName());
        ArrayNode entries = root.putArray("entries");
        for (TranscriptEntry e : call.transcript()) {
            ObjectNode n = Json.mapper().valueToTree(e);
            n.put("offset_ms", Duration.between(call.startedAt(), e.at()).toMillis());
            entries.add(n);
        }
        return root;
    }

    /** One line per entry: {@code [mm:ss] caller: text}, tool calls with their arguments and result. */
    public static String text(FinishedCall call) {
        StringBuilder b = new StringBuilder();
        for (TranscriptEntry e : call.transcript()) {
            b.append('[').append(offset(call.startedAt(), e.at())).append("] ");
            switch (e.kind()) {
                case CALLER -> b.append("caller: ").append(nz(e.text()));
                case AGENT -> {
                    b.append("agent: ").append(nz(e.text()));
                    if (Boolean.TRUE.equals(e.interrupted())) {
                        b.append(" [interrupted]");
                    }
                }
                case TOOL -> b.append("tool ").append(e.tool()).append(compact(e.args()))
                        .append(Boolean.TRUE.equals(e.ok()) ? " → ok: " : " → failed: ").append(nz(e.result()));
                case DTMF -> b.append("dtmf: ").append(nz(e.digits()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String compact(JsonNode args) {
        return args == null || args.isEmpty() ? "()" : "(" + args + ")";
    }

    private static String offset(Instant start, Instant at) {
        long s = Math.max(0, Duration.between(start, at).toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
