package dev.vocadent.providers.openai;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.vocadent.core.tools.ToolSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's first request spends seconds loading and reflecting its model classes (Kotlin + Jackson).
 * Doing that once when the brain is built keeps it out of the first caller's first-token time.
 * No network involved.
 */
final class SdkWarmUp {
    private static final Logger log = LoggerFactory.getLogger(SdkWarmUp.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final String CHUNK = """
            {"id":"w","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x",\
            "tool_calls":[{"index":0,"id":"c","type":"function","function":{"name":"n","arguments":"{}"}}]},\
            "finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    private SdkWarmUp() {}

    static void once() {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        try {
            ToolSpec spec = new ToolSpec("warm_up", "warm up", dev.vocadent.core.json.Json.mapper().createObjectNode()
                    .put("type", "object"));
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model("m")
                    .messages(List.of(
                            ChatMessages.system("s"), ChatMessages.user("u"),
                            ChatMessages.assistant("a", List.of(new ToolCall("c", "warm_up", "{}"))),
                            ChatMessages.tool("c", "{}")))
                    .tools(ToolDefinitions.of(List.of(spec)))
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build();
            ObjectMappers.jsonMapper().writeValueAsString(params._body());
            ChatCompletionChunk chunk = ObjectMappers.jsonMapper().readValue(CHUNK, ChatCompletionChunk.class);
            chunk.choices().forEach(c -> c.delta().toolCalls().ifPresent(calls -> calls.forEach(t -> t.function())));
            chunk.usage().ifPresent(u -> u.promptTokens());
            log.debug("openai-java warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            log.debug("openai-java warm-up failed (first request will be slower): {}", e.toString());
        }
    }
}
