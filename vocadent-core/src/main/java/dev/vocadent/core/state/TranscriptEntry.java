package dev.vocadent.core.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.json.JsonEnum;
import java.time.Instant;

/**
 * One line of a call's transcript.
 *
 * @param at       when it happened (session clock)
 * @param kind     caller, agent, tool or dtmf
 * @param text     caller/agent words (agent: as actually heard, after barge-in), keyed digits, or the tool's message
 * @param toolName tool entries: the tool's name, else null
 * @param toolArgs tool entries: the arguments, else null
 * @param toolOk   tool entries: whether the tool succeeded, else null
 * @param toolData tool entries: the structured result, may be null
 */
public record TranscriptEntry(Instant at, Kind kind, String text, String toolName, JsonNode toolArgs, Boolean toolOk,
                              JsonNode toolData) {
    public enum Kind {
        CALLER, AGENT, TOOL, DTMF;

        @JsonValue
        public String wireName() {
            return JsonEnum.wireName(this);
        }

        @JsonCreator
        public static Kind parse(String raw) {
            return JsonEnum.parse(Kind.class, raw);
        }
    }

    public static TranscriptEntry caller(Instant at, String text) {
        return new TranscriptEntry(at, Kind.CALLER, text, null, null, null, null);
    }

    public static TranscriptEntry agent(Instant at, String text) {
        return new TranscriptEntry(at, Kind.AGENT, text, null, null, null, null);
    }

    public static TranscriptEntry dtmf(Instant at, String digits) {
        return new TranscriptEntry(at, Kind.DTMF, digits, null, null, null, null);
    }

    public static TranscriptEntry tool(Instant at, String name, JsonNode args, boolean ok, String message, JsonNode data) {
        return new TranscriptEntry(at, Kind.TOOL, message, name, args, ok, data);
    }

    /** The same entry with other text (barge-in truncation of an agent turn). */
    public TranscriptEntry withText(String newText) {
        return new TranscriptEntry(at, kind, newText, toolName, toolArgs, toolOk, toolData);
    }
}
