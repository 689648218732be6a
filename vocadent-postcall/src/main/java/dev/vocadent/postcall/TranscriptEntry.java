package dev.vocadent.postcall;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.json.JsonEnum;
import java.time.Instant;

/**
 * One line of a call transcript. Build with the factories; unused fields stay null (left out of JSON).
 *
 * @param kind         caller, agent, tool or dtmf
 * @param at           when it happened
 * @param text         caller: the final transcript; agent: what the caller actually heard (truncated on barge-in)
 * @param intendedText agent only: the full text the agent meant to say, when it differs from {@code text}
 * @param interrupted  agent only: true if the caller barged in
 * @param tool         tool only: the tool name
 * @param args         tool only: its arguments
 * @param ok           tool only: whether it succeeded
 * @param result       tool only: its message back to the brain
 * @param data         tool only: structured result data, if any
 * @param digits       dtmf only: the digits pressed
 */
public record TranscriptEntry(
        Kind kind,
        Instant at,
        String text,
        String intendedText,
        Boolean interrupted,
        String tool,
        JsonNode args,
        Boolean ok,
        String result,
        JsonNode data,
        String digits) {

    public TranscriptEntry {
        if (kind == null) {
            throw new IllegalArgumentException("transcript entry: kind is required");
        }
        if (at == null) {
            throw new IllegalArgumentException("transcript entry: at is required");
        }
    }

    public static TranscriptEntry caller(Instant at, String text) {
        return new TranscriptEntry(Kind.CALLER, at, text, null, null, null, null, null, null, null, null);
    }

    /** An agent turn: {@code heard} is what reached the caller, {@code intended} the full text (same unless barged in). */
    public static TranscriptEntry agent(Instant at, String heard, String intended) {
        boolean cut = intended != null && !intended.equals(heard);
        return new TranscriptEntry(Kind.AGENT, at, heard, cut ? intended : null, cut ? Boolean.TRUE : null,
                null, null, null, null, null, null);
    }

    public static TranscriptEntry agent(Instant at, String text) {
        return agent(at, text, text);
    }

    public static TranscriptEntry tool(Instant at, String name, JsonNode args, boolean ok, String message, JsonNode data) {
        return new TranscriptEntry(Kind.TOOL, at, null, null, null, name, args, ok, message, data, null);
    }

    public static TranscriptEntry dtmf(Instant at, String digits) {
        return new TranscriptEntry(Kind.DTMF, at, null, null, null, null, null, null, null, null, digits);
    }

    /** What kind of line this is. */
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
}
