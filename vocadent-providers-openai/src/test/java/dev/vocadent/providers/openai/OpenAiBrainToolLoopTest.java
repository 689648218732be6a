package dev.vocadent.providers.openai;

import static dev.vocadent.providers.openai.FakeChatServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.agent.brain.BrainException;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.core.tools.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiBrainToolLoopTest {
    private FakeChatServer server;
    private OpenAiBrain brain;

    @BeforeAll
    static void warm() throws Exception {
        WarmSdk.once();
    }

    @BeforeEach
    void start() {
        server = new FakeChatServer();
        brain = new OpenAiBrain(TestSettings.openAi(server.baseUrl()));
    }

    @AfterEach
    void stop() {
        brain.close();
        server.close();
    }

    @Test
    void toolCallWithArgumentsSplitAcrossChunksIsReassembledRunAndAnswered() throws Exception {
        TestCall call = new TestCall().caller("It's Ann Smith.");
        call.tools.answer("update_name", args -> ToolResult.ok("Name saved: " + args.path("name").asText() + "."));
        server.enqueue(
                sse(Chunks.role(),
                        Chunks.toolStart(0, "call_abc", "update_name"),
                        Chunks.toolArgs(0, "{\"na"),
                        Chunks.toolArgs(0, "me\": \"Ann"),
                        Chunks.toolArgs(0, " Smith\"}"),
                        Chunks.finish("tool_calls"),
                        Chunks.usage(50, 12)),
                sse(Chunks.answer(70, 6, "Thanks, Ann.")));

        brain.newConversation(call).respond(call);

        assertThat(call.tools.calls()).hasSize(1);
        FakeToolbox.Call ran = call.tools.calls().getFirst();
        assertThat(ran.name()).isEqualTo("update_name");
        assertThat(ran.arguments().path("name").asText()).isEqualTo("Ann Smith");
        assertThat(ran.toolCallId()).isEqualTo("call_abc");
        assertThat(call.spoken()).isEqualTo("Thanks, Ann.");

        JsonNode messages = server.request(1).body().path("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        JsonNode tool = messages.get(messages.size() - 1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls")).hasSize(1);
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_abc");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"name\": \"Ann Smith\"}");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_abc");
        JsonNode content = FakeChatServer.JSON.readTree(tool.path("content").asText());
        assertThat(content.path("ok").asBoolean()).isTrue();
        assertThat(content.path("message").asText()).isEqualTo("Name saved: Ann Smith.");
    }

    @Test
    void twoParallelToolCallsRunInIndexOrderAndBothResultsGoBackWithTheirIds() throws Exception {
        TestCall call = new TestCall().caller("I'm Ann, any slots tomorrow morning?");
        server.enqueue(
                sse(Chunks.role(),
                        Chunks.toolStart(0, "call_1", "update_name"),
                        Chunks.toolStart(1, "call_2", "get_appointment_availability"),
                        Chunks.toolArgs(1, "{\"part_of_day\":"),
                        Chunks.toolArgs(0, "{\"name\":\"Ann\"}"),
                        Chunks.toolArgs(1, "\"morning\"}"),
                        Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "Thanks Ann, I have 9:30 or 10:15.")));

        brain.newConversation(call).respond(call);

        assertThat(call.tools.calls()).extracting(FakeToolbox.Call::name, FakeToolbox.Call::toolCallId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("update_name", "call_1"),
                        org.assertj.core.groups.Tuple.tuple("get_appointment_availability", "call_2"));
        assertThat(call.tools.calls().get(1).arguments().path("part_of_day").asText()).isEqualTo("morning");

        JsonNode messages = server.request(1).body().path("messages");
        // system, user, assistant(tool_calls ×2), tool, tool
        assertThat(messages).hasSize(5);
        JsonNode toolCalls = messages.get(2).path("tool_calls");
        assertThat(toolCalls).hasSize(2);
        assertThat(toolCalls.get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(toolCalls.get(1).path("id").asText()).isEqualTo("call_2");
        assertThat(toolCalls.get(1).path("function").path("arguments").asText()).isEqualTo("{\"part_of_day\":\"morning\"}");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_2");
    }

    @Test
    void toolRoundsLoopUntilTheModelAnswersInTextAndToolDataReachesTheModel() throws Exception {
        TestCall call = new TestCall().caller("Book me the first slot tomorrow please.");
        ObjectNode slots = FakeChatServer.JSON.createObjectNode();
        slots.putArray("slots").addObject().put("slot_id", "slot-0930").put("start", "2026-03-03T09:30:00");
        call.tools.answer("get_appointment_availability", args -> ToolResult.ok("One slot: Tuesday 9:30am.", slots));
        server.enqueue(
                sse(Chunks.role(), Chunks.toolStart(0, "call_t", "get_current_date_and_time_in_uk"),
                        Chunks.finish("tool_calls")),
                sse(Chunks.role(), Chunks.toolStart(0, "call_a", "get_appointment_availability"),
                        Chunks.toolArgs(0, "{\"from_date\":\"2026-03-03\"}"), Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "I have Tuesday at 9:30.")));

        brain.newConversation(call).respond(call);

        assertThat(server.received()).hasSize(3);
        assertThat(call.tools.calls()).extracting(FakeToolbox.Call::name)
                .containsExactly("get_current_date_and_time_in_uk", "get_appointment_availability");
        JsonNode last = server.request(2).body().path("messages");
        JsonNode availability = FakeChatServer.JSON.readTree(last.get(last.size() - 1).path("content").asText());
        assertThat(availability.path("data").path("slots").get(0).path("slot_id").asText()).isEqualTo("slot-0930");
        assertThat(call.spoken()).isEqualTo("I have Tuesday at 9:30.");
    }

    @Test
    void laterTurnsStillSeeTheFullToolResultThoughTheHistoryKeepsOnlyItsMessage() throws Exception {
        TestCall call = new TestCall().caller("Any slots tomorrow?");
        ObjectNode slots = FakeChatServer.JSON.createObjectNode();
        slots.putArray("slots").addObject().put("slot_id", "slot-1015");
        call.tools.answer("get_appointment_availability", args -> ToolResult.ok("One slot: 10:15am.", slots));
        server.enqueue(
                sse(Chunks.role(), Chunks.toolStart(0, "call_av", "get_appointment_availability"),
                        Chunks.toolArgs(0, "{}"), Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "I have 10:15.")),
                sse(Chunks.answer(1, 1, "Booked.")));
        OpenAiConversation conversation = brain.newConversation(call);
        conversation.respond(call);
        // what the session records: the tool entry (message only), what was said, the next caller turn
        call.history.add(new HistoryItem(HistoryItem.Role.TOOL, "One slot: 10:15am.", "get_appointment_availability",
                FakeChatServer.JSON.createObjectNode(), "call_av", TestCall.NOW));
        call.agent(call.spoken()).caller("Yes, 10:15 please.");

        conversation.respond(call);

        JsonNode messages = server.request(2).body().path("messages");
        JsonNode toolMessage = null;
        for (JsonNode m : messages) {
            if (m.path("role").asText().equals("tool")) {
                toolMessage = m;
            }
        }
        assertThat(toolMessage).isNotNull();
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_av");
        assertThat(toolMessage.path("content").asText()).contains("slot-1015");
    }

    @Test
    void textBeforeToolCallsIsStreamedAndKeptWithTheToolCalls() throws Exception {
        TestCall call = new TestCall().caller("What's the time?");
        server.enqueue(
                sse(Chunks.role(), Chunks.text("Let me check. "),
                        Chunks.toolStart(0, "call_now", "get_current_date_and_time_in_uk"), Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "It's 10:15.")));

        brain.newConversation(call).respond(call);

        assertThat(call.deltas).containsExactly("Let me check. ", "It's 10:15.");
        JsonNode assistant = server.request(1).body().path("messages").get(2);
        assertThat(assistant.path("content").asText()).isEqualTo("Let me check. ");
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_now");
    }

    @Test
    void argumentsThatAreNotJsonAreReportedToTheModelAndTheToolIsNotRun() throws Exception {
        TestCall call = new TestCall().caller("Ann.");
        server.enqueue(
                sse(Chunks.role(), Chunks.toolStart(0, "call_bad", "update_name"), Chunks.toolArgs(0, "{\"name\": Ann"),
                        Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "Sorry, could you repeat your name?")));

        brain.newConversation(call).respond(call);

        assertThat(call.tools.calls()).isEmpty();
        JsonNode messages = server.request(1).body().path("messages");
        JsonNode tool = messages.get(messages.size() - 1);
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_bad");
        JsonNode content = FakeChatServer.JSON.readTree(tool.path("content").asText());
        assertThat(content.path("ok").asBoolean()).isFalse();
        assertThat(content.path("message").asText()).contains("not valid JSON");
    }

    @Test
    void unknownToolIsAnErrorResultForTheModelNotAnException() throws Exception {
        TestCall call = new TestCall().caller("Hello.");
        server.enqueue(
                sse(Chunks.role(), Chunks.toolStart(0, "call_x", "launch_rocket"), Chunks.toolArgs(0, "{}"),
                        Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "How can I help?")));

        brain.newConversation(call).respond(call);

        JsonNode messages = server.request(1).body().path("messages");
        JsonNode content = FakeChatServer.JSON.readTree(messages.get(messages.size() - 1).path("content").asText());
        assertThat(content.path("ok").asBoolean()).isFalse();
        assertThat(content.path("message").asText()).isEqualTo("Unknown tool launch_rocket.");
    }

    @Test
    void toolCallsWithoutIdsGetDistinctIdsAcrossRounds() throws Exception {
        TestCall call = new TestCall().caller("Hello.");
        server.enqueue(
                sse(Chunks.role(), toolStartWithoutId(0, "get_current_date_and_time_in_uk"), Chunks.finish("tool_calls")),
                sse(Chunks.role(), toolStartWithoutId(0, "get_current_date_and_time_in_uk"), Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "It's Monday.")));

        brain.newConversation(call).respond(call);

        List<String> ids = new ArrayList<>();
        for (JsonNode m : server.request(2).body().path("messages")) {
            if (m.path("role").asText().equals("tool")) {
                ids.add(m.path("tool_call_id").asText());
            }
        }
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(call.tools.calls()).extracting(FakeToolbox.Call::toolCallId).containsExactlyElementsOf(ids);
    }

    @Test
    void timeSpentRunningToolsDoesNotCountAgainstTheModelsTurnTimeout() throws Exception {
        brain.close();
        brain = new OpenAiBrain(TestSettings.openAi(server.baseUrl(), Duration.ofMillis(2500), Duration.ofMillis(2500), 6));
        TestCall call = new TestCall().caller("Any slots?");
        call.tools.answer("get_appointment_availability", args -> {
            try {
                Thread.sleep(3000); // a slow backend; the tool has its own timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ToolResult.ok("No slots this week.");
        });
        server.enqueue(
                sse(Chunks.role(), Chunks.toolStart(0, "call_slow", "get_appointment_availability"), Chunks.toolArgs(0, "{}"),
                        Chunks.finish("tool_calls")),
                sse(Chunks.answer(1, 1, "Nothing this week, sorry.")));

        brain.newConversation(call).respond(call);

        assertThat(call.spoken()).isEqualTo("Nothing this week, sorry.");
    }

    @Test
    void tooManyToolRoundsInOneTurnIsABrainException() {
        brain.close();
        brain = new OpenAiBrain(TestSettings.openAi(server.baseUrl(), Duration.ofSeconds(15), Duration.ofSeconds(30), 2));
        TestCall call = new TestCall().caller("What's the date?");
        for (int i = 0; i < 4; i++) {
            server.enqueue(sse(Chunks.role(), Chunks.toolStart(0, "call_" + i, "get_current_date_and_time_in_uk"),
                    Chunks.finish("tool_calls")));
        }

        assertThatThrownBy(() -> brain.newConversation(call).respond(call))
                .isInstanceOf(BrainException.class)
                .hasMessageContaining("after 2 rounds");
        // two rounds of tools ran; the third request still wanted tools and was not obeyed
        assertThat(server.received()).hasSize(3);
        assertThat(call.tools.calls()).hasSize(2);
    }

    private static String toolStartWithoutId(int index, String name) {
        ObjectNode c = (ObjectNode) readTree(Chunks.toolStart(index, "x", name));
        ((ObjectNode) c.path("choices").get(0).path("delta").path("tool_calls").get(0)).remove("id");
        return c.toString();
    }

    private static JsonNode readTree(String s) {
        try {
            return FakeChatServer.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
