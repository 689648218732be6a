package dev.vocadent.agent.brain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of a conversation.
 *
 * @param role       caller, agent, tool or dtmf
 * @param text       what was said (for agent turns: what the caller actually heard, after barge-in);
 *                   for tool entries the tool's message
 * @param toolName   tool entries: the tool's name
 * @param toolArgs   tool entries: the arguments
 * @param toolCallId tool entries: the brain's id for the call (LLM tool_call_id), may be null
 * @param at         when it happened
 */
public record HistoryItem(Role role, String text, String toolName, JsonNode toolArgs, String toolCallId, Instant at) {
    public enum Role { CALLER, AGENT, TOOL, DTMF }

    public static HistoryItem caller(String text, Instant at) {
        return new HistoryItem(Role.CALLER, text, null, null, null, at);
    }

    public static HistoryItem agent(String text, Instant at) {
        return new HistoryItem(Role.AGENT, text, null, null, null, at);
    }
}
