package dev.vocadent.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.BrainException;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.tools.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's conversation with the model. Each caller turn: the history becomes chat messages, the
 * answer is streamed to the sink, tool calls are run through the call's toolbox and their results
 * sent back, until the model answers in text. Remembers the full tool results it gave the model (the
 * history keeps only their message) so later turns still see, say, the slot ids offered.
 */
public final class OpenAiConversation implements Brain.Conversation {
    private static final Logger log = LoggerFactory.getLogger(OpenAiConversation.class);

    private final OpenAIClient client;
    private final OpenAiSettings settings;
    private final BrainContext context;
    private final UsageListener usageListener;
    private final ChatStream stream;
    private final Map<String, String> toolContents = new HashMap<>();
    private long promptTokens;
    private long completionTokens;
    private int turns;

    OpenAiConversation(OpenAIClient client, OpenAiSettings settings, BrainContext context, UsageListener usageListener) {
        this.client = client;
        this.settings = settings;
        this.context = context;
        this.usageListener = usageListener;
        this.stream = new ChatStream(settings.providerName());
    }

    /** Tokens used by this call so far (TTS and STT fields are zero: other providers count those). */
    public synchronized Usage usage() {
        return new Usage(promptTokens, completionTokens, 0, 0);
    }

    @Override
    public void respond(ReplySink out) throws BrainException {
        int turn = ++turns;
        List<ChatCompletionMessageParam> messages = new ArrayList<>(
                ChatMessages.fromHistory(context.systemPrompt(), context.history(), toolContents::get));
        List<ChatCompletionTool> tools = ToolDefinitions.of(context.tools().specs());
        Duration left = settings.turnTimeout();
        StringBuilder spoken = new StringBuilder();
        for (int round = 0; ; round++) {
            long started = System.nanoTime();
            ChatStream.Answer answer = stream.run(client, params(messages, tools), settings.firstTokenTimeout(), left,
                    "call_t" + turn + "r" + round + "_", out::text);
            left = left.minusNanos(System.nanoTime() - started);
            record(answer);
            spoken.append(answer.text());
            if (answer.toolCalls().isEmpty()) {
                if (spoken.toString().isBlank()) {
                    throw new BrainException(settings.providerName() + ": the model gave an empty answer (finish reason "
                            + answer.finishReason() + ")");
                }
                out.expect(ExpectationGuess.from(spoken.toString()));
                return;
            }
            if (round >= settings.maxToolRounds()) {
                throw new BrainException(settings.providerName() + ": still calling tools after "
                        + settings.maxToolRounds() + " rounds in one turn");
            }
            messages.add(ChatMessages.assistant(answer.text(), answer.toolCalls()));
            for (ToolCall call : answer.toolCalls()) {
                String content = runTool(call);
                toolContents.put(call.id(), content);
                messages.add(ChatMessages.tool(call.id(), content));
            }
            if (!left.isPositive()) {
                throw new BrainException(settings.providerName() + ": turn timeout of "
                        + settings.turnTimeout().toMillis() + " ms used up by the model");
            }
        }
    }

    private ChatCompletionCreateParams params(List<ChatCompletionMessageParam> messages, List<ChatCompletionTool> tools) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .messages(messages)
                .temperature(settings.temperature())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        if (settings.usesLegacyMaxTokens()) {
            legacyMaxTokens(b, settings.maxTokens());
        } else {
            b.maxCompletionTokens(settings.maxTokens());
        }
        if (!tools.isEmpty()) {
            b.tools(tools).parallelToolCalls(true);
        }
        return b.build();
    }

    @SuppressWarnings("deprecation")
    private static void legacyMaxTokens(ChatCompletionCreateParams.Builder b, long maxTokens) {
        b.maxTokens(maxTokens);
    }

    private String runTool(ToolCall call) {
        if (call.name().isEmpty()) {
            return content(ToolResult.error("The tool call had no tool name."));
        }
        JsonNode args;
        try {
            args = call.arguments().isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(call.arguments());
        } catch (JsonProcessingException e) {
            return content(ToolResult.error("The arguments were not valid JSON; nothing was done. Call " + call.name()
                    + " again with a JSON object."));
        }
        if (!(args instanceof ObjectNode)) {
            return content(ToolResult.error("The arguments must be a JSON object; nothing was done."));
        }
        ToolResult result;
        try {
            result = context.tools().call(call.name(), args, call.id());
        } catch (RuntimeException e) {
            // the exception class only: a message could carry patient data
            log.warn("tool {} failed on call {}: {}", call.name(), context.state().sessionId(), e.getClass().getName());
            result = ToolResult.error("The tool failed; nothing was done.");
        }
        return content(result == null ? ToolResult.error("The tool gave no result.") : result);
    }

    /** A tool result as the model sees it: {"ok":…,"message":…,"data":…}. */
    static String content(ToolResult result) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ok", result.ok());
        node.put("message", result.message());
        if (result.data() != null && !result.data().isNull()) {
            node.set("data", result.data());
        }
        return Json.write(node);
    }

    private void record(ChatStream.Answer answer) {
        if (answer.usage() == null) {
            log.debug("{}: request without usage (first token {} ms)", settings.providerName(), answer.firstTokenNanos() / 1_000_000);
            return;
        }
        long in = answer.usage().promptTokens();
        long outTokens = answer.usage().completionTokens();
        synchronized (this) {
            promptTokens += in;
            completionTokens += outTokens;
        }
        log.debug("{}: {} prompt + {} completion tokens, first token {} ms", settings.providerName(), in, outTokens,
                answer.firstTokenNanos() / 1_000_000);
        usageListener.onUsage(context.state() == null ? null : context.state().sessionId(), settings.model(), in, outTokens);
    }
}
