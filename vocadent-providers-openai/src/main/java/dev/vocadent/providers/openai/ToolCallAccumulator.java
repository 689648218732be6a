package dev.vocadent.providers.openai;

import com.openai.models.chat.completions.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts streamed tool calls back together: each delta names the call's index; the first delta of a
 * call carries its id and name, later ones carry pieces of the JSON arguments.
 */
final class ToolCallAccumulator {
    private static final class Partial {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    private final TreeMap<Long, Partial> byIndex = new TreeMap<>();

    void add(ChatCompletionChunk.Choice.Delta.ToolCall delta) {
        Partial p = byIndex.computeIfAbsent(delta.index(), i -> new Partial());
        delta.id().filter(s -> !s.isEmpty()).ifPresent(id -> p.id = id);
        delta.function().ifPresent(f -> {
            f.name().filter(s -> !s.isEmpty()).ifPresent(n -> p.name = p.name == null ? n : p.name);
            f.arguments().ifPresent(p.arguments::append);
        });
    }

    /** The calls in index order; a call the server sent without an id gets {@code <fallbackPrefix><index>}. */
    List<ToolCall> calls(String fallbackPrefix) {
        List<ToolCall> out = new ArrayList<>(byIndex.size());
        byIndex.forEach((index, p) -> out.add(new ToolCall(
                p.id != null ? p.id : fallbackPrefix + index,
                p.name == null ? "" : p.name,
                p.arguments.toString())));
        return out;
    }
}
