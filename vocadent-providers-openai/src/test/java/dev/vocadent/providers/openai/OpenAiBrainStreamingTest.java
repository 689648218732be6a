package dev.vocadent.providers.openai;

import static dev.vocadent.providers.openai.FakeChatServer.event;
import static dev.vocadent.providers.openai.FakeChatServer.sse;
import static dev.vocadent.providers.openai.FakeChatServer.startSse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.core.api.Usage;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiBrainStreamingTest {
    private FakeChatServer server;
    private OpenAiBrain brain;
    private final List<String> usageSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new FakeChatServer();
        brain = new OpenAiBrain(TestSettings.openAi(server.baseUrl()),
                (session, model, in, out) -> usageSeen.add(session + "/" + model + "/" + in + "/" + out));
    }

    @AfterEach
    void stop() {
        brain.close();
        server.close();
    }

    @Test
    void textDeltasReachTheSinkAsTheyArriveNotAtTheEnd() throws Exception {
        TestCall call = new TestCall().caller("Hi, I'd like a check-up.");
        CountDownLatch firstDeltaSeen = new CountDownLatch(1);
        call.onDelta(d -> firstDeltaSeen.countDown());
        AtomicBoolean sinkHadFirstBeforeRest = new AtomicBoolean();
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.role());
            event(out, Chunks.text("Of course"));
            // the rest is only sent once the brain has passed the first piece on
            sinkHadFirstBeforeRest.set(firstDeltaSeen.await(5, TimeUnit.SECONDS));
            event(out, Chunks.text(", I can help"));
            event(out, Chunks.text(" with that."));
            event(out, Chunks.finish("stop"));
            event(out, Chunks.usage(40, 9));
            event(out, "[DONE]");
        });

        brain.newConversation(call).respond(call);

        assertThat(sinkHadFirstBeforeRest).isTrue();
        assertThat(call.deltas).containsExactly("Of course", ", I can help", " with that.");
    }

    @Test
    void requestCarriesModelSettingsStreamingUsageAndToolsAsJsonSchema() throws Exception {
        TestCall call = new TestCall().caller("Hello?");
        server.enqueue(sse(Chunks.answer(10, 2, "Hello!")));

        brain.newConversation(call).respond(call);

        FakeChatServer.Received r = server.request(0);
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TestSettings.KEY);
        JsonNode body = r.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        // a compatible base URL gets max_tokens, which every compatible server understands
        assertThat(body.path("max_tokens").asLong()).isEqualTo(200);
        assertThat(body.path("parallel_tool_calls").asBoolean()).isTrue();
        JsonNode tools = body.path("tools");
        assertThat(tools).hasSize(3);
        assertThat(tools.get(0).path("type").asText()).isEqualTo("function");
        assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("update_name");
        assertThat(tools.get(0).path("function").path("description").asText()).isEqualTo("Saves the caller's name.");
        assertThat(tools.get(0).path("function").path("parameters")).isEqualTo(call.tools.specs().get(0).parameters());
        assertThat(tools.get(1).path("function").path("parameters")).isEqualTo(call.tools.specs().get(1).parameters());
    }

    @Test
    void historyBecomesSystemUserAssistantToolAndKeypadMessages() throws Exception {
        TestCall call = new TestCall();
        call.caller("My name is Ann Smith.");
        call.history.add(new HistoryItem(HistoryItem.Role.TOOL, "Name saved: Ann Smith.", "update_name",
                FakeChatServer.JSON.createObjectNode().put("name", "Ann Smith"), "call_7", TestCall.NOW));
        call.agent("Thanks Ann. What's your phone number?");
        call.history.add(new HistoryItem(HistoryItem.Role.DTMF, "07700 900123#", null, null, null, TestCall.NOW));
        call.caller("That's my mobile.");
        server.enqueue(sse(Chunks.answer(10, 2, "Got it.")));

        brain.newConversation(call).respond(call);

        JsonNode messages = server.request(0).body().path("messages");
        assertThat(messages).hasSize(7);
        assertThat(roleAndContent(messages.get(0))).isEqualTo("system: " + TestCall.SYSTEM_PROMPT);
        assertThat(roleAndContent(messages.get(1))).isEqualTo("user: My name is Ann Smith.");
        JsonNode toolCall = messages.get(2).path("tool_calls").get(0);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(toolCall.path("id").asText()).isEqualTo("call_7");
        assertThat(toolCall.path("type").asText()).isEqualTo("function");
        assertThat(toolCall.path("function").path("name").asText()).isEqualTo("update_name");
        assertThat(FakeChatServer.JSON.readTree(toolCall.path("function").path("arguments").asText()).path("name").asText())
                .isEqualTo("Ann Smith");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_7");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Name saved: Ann Smith.");
        assertThat(roleAndContent(messages.get(4))).isEqualTo("assistant: Thanks Ann. What's your phone number?");
        assertThat(roleAndContent(messages.get(5))).isEqualTo("user: [keypad: 0 7 7 0 0 9 0 0 1 2 3 #]");
        assertThat(roleAndContent(messages.get(6))).isEqualTo("user: That's my mobile.");
    }

    @Test
    void usageOfEveryRequestIsReportedAndSummedOnTheConversation() throws Exception {
        TestCall call = new TestCall().caller("Hello?");
        server.enqueue(sse(Chunks.answer(120, 15, "Hello, Westbury Dental.")),
                sse(Chunks.answer(180, 22, "Sure.")));
        OpenAiConversation conversation = brain.newConversation(call);

        conversation.respond(call);
        call.agent(call.spoken()).caller("Can I book?");
        conversation.respond(call);

        assertThat(usageSeen).containsExactly("session-42/gpt-test/120/15", "session-42/gpt-test/180/22");
        assertThat(conversation.usage()).isEqualTo(new Usage(300, 37, 0, 0));
        assertThat(brain.newConversation(call).usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void answerWithoutUsageChunkStillWorksAndCountsNothing() throws Exception {
        TestCall call = new TestCall().caller("Hello?");
        server.enqueue(sse(Chunks.role(), Chunks.text("Hello."), Chunks.finish("stop")));
        OpenAiConversation conversation = brain.newConversation(call);

        conversation.respond(call);

        assertThat(call.spoken()).isEqualTo("Hello.");
        assertThat(conversation.usage()).isEqualTo(Usage.NONE);
        assertThat(usageSeen).isEmpty();
    }

    @Test
    void questionEndingTheTurnTellsTheSinkWhatAnswerToExpect() throws Exception {
        TestCall call = new TestCall().caller("I'd like to book.");
        server.enqueue(sse(Chunks.answer(1, 1, "Sure. What's the best ", "phone number to reach you?")),
                sse(Chunks.answer(1, 1, "Thanks, that's booked.")));
        OpenAiConversation conversation = brain.newConversation(call);

        conversation.respond(call);
        call.agent(call.spoken()).caller("07700 900123");
        conversation.respond(call);

        assertThat(call.expected).containsExactly(
                ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER), ExpectedAnswer.FREE);
    }

    @Test
    void nameIsTheProvider() {
        assertThat(brain.name()).isEqualTo("openai");
    }

    private static String roleAndContent(JsonNode message) {
        return message.path("role").asText() + ": " + message.path("content").asText();
    }
}
