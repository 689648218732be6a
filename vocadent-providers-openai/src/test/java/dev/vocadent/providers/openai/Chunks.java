package dev.vocadent.providers.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Chat Completions stream chunks as the OpenAI API sends them ({@code chat.completion.chunk}). */
final class Chunks {
    private Chunks() {}

    static String role() {
        ObjectNode delta = FakeChatServer.JSON.createObjectNode().put("role", "assistant").put("content", "");
        return chunk(delta, null);
    }

    static String text(String content) {
        return chunk(FakeChatServer.JSON.createObjectNode().put("content", content), null);
    }

    /** The first delta of a tool call: its index, id and name, with empty arguments. */
    static String toolStart(int index, String id, String name) {
        ObjectNode call = FakeChatServer.JSON.createObjectNode().put("index", index).put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        return toolDelta(call);
    }

    /** A later delta of a tool call: a piece of its JSON arguments. */
    static String toolArgs(int index, String piece) {
        ObjectNode call = FakeChatServer.JSON.createObjectNode().put("index", index);
        call.putObject("function").put("arguments", piece);
        return toolDelta(call);
    }

    static String finish(String reason) {
        return chunk(FakeChatServer.JSON.createObjectNode(), reason);
    }

    /** The last chunk when stream_options.include_usage is set: no choices, the usage. */
    static String usage(long prompt, long completion) {
        ObjectNode c = base();
        c.putArray("choices");
        c.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return c.toString();
    }

    /** A whole streamed text answer: role, the pieces, stop, usage. */
    static String[] answer(long prompt, long completion, String... pieces) {
        String[] out = new String[pieces.length + 3];
        out[0] = role();
        for (int i = 0; i < pieces.length; i++) {
            out[i + 1] = text(pieces[i]);
        }
        out[pieces.length + 1] = finish("stop");
        out[pieces.length + 2] = usage(prompt, completion);
        return out;
    }

    /** A non-streamed chat.completion with one text answer. */
    static String completion(String content, long prompt, long completion) {
        ObjectNode c = FakeChatServer.JSON.createObjectNode()
                .put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "gpt-test");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putNull("logprobs");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        c.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return c.toString();
    }

    private static String toolDelta(ObjectNode call) {
        ObjectNode delta = FakeChatServer.JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = base();
        ArrayNode choices = c.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return c.toString();
    }

    private static ObjectNode base() {
        return FakeChatServer.JSON.createObjectNode()
                .put("id", "chatcmpl-test").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
                .put("model", "gpt-test");
    }
}
