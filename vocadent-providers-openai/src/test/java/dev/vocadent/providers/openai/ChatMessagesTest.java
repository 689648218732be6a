package dev.vocadent.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import dev.vocadent.agent.brain.HistoryItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatMessagesTest {
    private static final java.time.Instant AT = TestCall.NOW;

    @Test
    void consecutiveToolEntriesBecomeOneAssistantMessageFollowedByTheirResultsInOrder() throws Exception {
        List<HistoryItem> history = List.of(
                HistoryItem.caller("I'm Ann, born 1 May 1990.", AT),
                tool("update_name", "call_a", "Name saved."),
                tool("update_patient_dob", "call_b", "Date of birth saved."),
                HistoryItem.agent("Thanks Ann.", AT));

        JsonNode json = json(ChatMessages.fromHistory("prompt", history, id -> null));

        assertThat(json).hasSize(6);
        assertThat(json.get(2).path("tool_calls")).hasSize(2);
        assertThat(json.get(2).path("tool_calls").get(1).path("function").path("name").asText()).isEqualTo("update_patient_dob");
        assertThat(json.get(3).path("tool_call_id").asText()).isEqualTo("call_a");
        assertThat(json.get(4).path("tool_call_id").asText()).isEqualTo("call_b");
        assertThat(json.get(4).path("content").asText()).isEqualTo("Date of birth saved.");
        assertThat(json.get(5).path("role").asText()).isEqualTo("assistant");
    }

    @Test
    void toolEntriesWithoutIdGetMatchingMadeUpIdsAndKnownIdsUseTheFullResult() throws Exception {
        List<HistoryItem> history = List.of(
                HistoryItem.caller("Hi", AT),
                tool("get_consultation_type", null, "Check-up, 30 minutes."),
                tool("get_appointment_availability", "call_known", "Two slots."));

        JsonNode json = json(ChatMessages.fromHistory("prompt", history,
                Map.of("call_known", "{\"ok\":true,\"data\":{\"slots\":[\"s1\"]}}")::get));

        String madeUp = json.get(2).path("tool_calls").get(0).path("id").asText();
        assertThat(madeUp).isNotBlank();
        assertThat(json.get(3).path("tool_call_id").asText()).isEqualTo(madeUp);
        assertThat(json.get(4).path("content").asText()).contains("\"s1\"");
    }

    @Test
    void emptyTurnsAreLeftOutAndNoSystemMessageWithoutAPrompt() throws Exception {
        List<HistoryItem> history = List.of(
                HistoryItem.caller("Hello", AT),
                HistoryItem.agent("", AT),
                new HistoryItem(HistoryItem.Role.DTMF, "  ", null, null, null, AT),
                HistoryItem.caller("Anyone there?", AT));

        JsonNode json = json(ChatMessages.fromHistory(" ", history, id -> null));

        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("content").asText()).isEqualTo("Hello");
        assertThat(json.get(1).path("content").asText()).isEqualTo("Anyone there?");
    }

    @Test
    void keypadListsEachKeyAndDropsEverythingElse() {
        assertThat(ChatMessages.keypad("077 00-9#")).isEqualTo("0 7 7 0 0 9 #");
        assertThat(ChatMessages.keypad("*1A")).isEqualTo("* 1 A");
        assertThat(ChatMessages.keypad("hello")).isEmpty();
    }

    private static HistoryItem tool(String name, String id, String message) {
        return new HistoryItem(HistoryItem.Role.TOOL, message, name, FakeChatServer.JSON.createObjectNode(), id, AT);
    }

    private static JsonNode json(List<ChatCompletionMessageParam> messages) throws Exception {
        return FakeChatServer.JSON.readTree(ObjectMappers.jsonMapper().writeValueAsString(messages));
    }
}
