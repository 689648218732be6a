package dev.vocadent.providers.openai;

import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maps a call's history to Chat Completions messages: the system prompt first; caller → user;
 * agent → assistant; a run of tool entries → one assistant message with their tool_calls followed by
 * one tool message per call with the same tool_call_id; keypad digits → a user message
 * {@code [keypad: 0 7 7]}.
 */
final class ChatMessages {
    private ChatMessages() {}

    /**
     * @param toolContent what the model was given for a tool_call_id earlier in this conversation
     *                    (the full result with its data), or null to use the history's text
     */
    static List<ChatCompletionMessageParam> fromHistory(String systemPrompt, List<HistoryItem> history,
                                                        Function<String, String> toolContent) {
        List<ChatCompletionMessageParam> out = new ArrayList<>();
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            out.add(system(systemPrompt));
        }
        List<ToolCall> pendingCalls = new ArrayList<>();
        List<String> pendingResults = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryItem item = history.get(i);
            if (item.role() == HistoryItem.Role.TOOL) {
                String id = item.toolCallId() != null && !item.toolCallId().isBlank() ? item.toolCallId() : "call_h" + i;
                String args = item.toolArgs() == null || item.toolArgs().isNull() ? "{}" : Json.write(item.toolArgs());
                pendingCalls.add(new ToolCall(id, item.toolName() == null ? "unknown" : item.toolName(), args));
                String known = item.toolCallId() == null ? null : toolContent.apply(item.toolCallId());
                pendingResults.add(known != null ? known : item.text() == null ? "" : item.text());
                continue;
            }
            flushTools(out, pendingCalls, pendingResults);
            String text = item.text() == null ? "" : item.text().strip();
            switch (item.role()) {
                case CALLER -> {
                    if (!text.isEmpty()) {
                        out.add(user(text));
                    }
                }
                case AGENT -> {
                    if (!text.isEmpty()) {
                        out.add(assistant(text, List.of()));
                    }
                }
                case DTMF -> {
                    String keys = keypad(text);
                    if (!keys.isEmpty()) {
                        out.add(user("[keypad: " + keys + "]"));
                    }
                }
                default -> throw new IllegalStateException("unhandled role " + item.role());
            }
        }
        flushTools(out, pendingCalls, pendingResults);
        return out;
    }

    /** "077 00-9#" → "0 7 7 0 0 9 #": the keys pressed, one by one. */
    static String keypad(String pressed) {
        StringBuilder sb = new StringBuilder();
        for (char c : pressed.toCharArray()) {
            if ((c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D')) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static ChatCompletionMessageParam system(String text) {
        return ChatCompletionMessageParam.ofSystem(ChatCompletionSystemMessageParam.builder().content(text).build());
    }

    static ChatCompletionMessageParam user(String text) {
        return ChatCompletionMessageParam.ofUser(ChatCompletionUserMessageParam.builder().content(text).build());
    }

    /** An assistant message with text, tool calls, or both. */
    static ChatCompletionMessageParam assistant(String text, List<ToolCall> calls) {
        ChatCompletionAssistantMessageParam.Builder b = ChatCompletionAssistantMessageParam.builder();
        if (text != null && !text.isEmpty()) {
            b.content(text);
        }
        for (ToolCall call : calls) {
            b.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.id())
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.name())
                            .arguments(call.arguments())
                            .build())
                    .build());
        }
        return ChatCompletionMessageParam.ofAssistant(b.build());
    }

    static ChatCompletionMessageParam tool(String toolCallId, String content) {
        return ChatCompletionMessageParam.ofTool(ChatCompletionToolMessageParam.builder()
                .toolCallId(toolCallId)
                .content(content)
                .build());
    }

    private static void flushTools(List<ChatCompletionMessageParam> out, List<ToolCall> calls, List<String> results) {
        if (calls.isEmpty()) {
            return;
        }
        out.add(assistant(null, calls));
        for (int i = 0; i < calls.size(); i++) {
            out.add(tool(calls.get(i).id(), results.get(i)));
        }
        calls.clear();
        results.clear();
    }
}
