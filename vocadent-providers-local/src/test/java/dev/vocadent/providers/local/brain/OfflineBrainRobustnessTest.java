package dev.vocadent.providers.local.brain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.agent.brain.Toolbox;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.core.tools.ToolSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline brain is the last link of the fallback chain: whatever the tools do, it answers. */
class OfflineBrainRobustnessTest {
    private static String turn(Brain.Conversation conversation, BrainContext ctx, List<HistoryItem> history, String said) throws Exception {
        history.add(HistoryItem.caller(said, Instant.EPOCH));
        StringBuilder b = new StringBuilder();
        conversation.respond(new ReplySink() {
            @Override
            public void text(String delta) {
                b.append(delta);
            }

            @Override
            public BrainContext context() {
                return ctx;
            }
        });
        return b.toString();
    }

    private static BrainContext context(Toolbox tools, List<HistoryItem> history) {
        CallState state = new CallState("robust", null, DemoClinics.westbury(), null);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("UTC"));
        return new BrainContext() {
            @Override public CallState state() { return state; }
            @Override public List<HistoryItem> history() { return history; }
            @Override public Toolbox tools() { return tools; }
            @Override public String systemPrompt() { return state.systemPrompt(); }
            @Override public Clock clock() { return clock; }
        };
    }

    @Test
    void aToolThatThrowsStillGetsAnAnswerToTheCaller() throws Exception {
        Toolbox broken = new Toolbox() {
            @Override
            public List<ToolSpec> specs() {
                return List.of();
            }

            @Override
            public ToolResult call(String name, JsonNode arguments, String toolCallId) {
                throw new IllegalStateException("backend exploded");
            }
        };
        List<HistoryItem> history = new ArrayList<>();
        BrainContext ctx = context(broken, history);
        Brain.Conversation c = new OfflineBrain().newConversation(ctx);
        assertThat(turn(c, ctx, history, "I'd like an NHS check-up tomorrow")).contains("Sorry, could you say that again?");
    }

    @Test
    void refusedToolsAreNeverReportedAsDone() throws Exception {
        List<String> called = new ArrayList<>();
        Toolbox refusing = new Toolbox() {
            @Override
            public List<ToolSpec> specs() {
                return List.of();
            }

            @Override
            public ToolResult call(String name, JsonNode arguments, String toolCallId) {
                called.add(name);
                return ToolResult.error("backend unavailable");
            }
        };
        List<HistoryItem> history = new ArrayList<>();
        BrainContext ctx = context(refusing, history);
        Brain.Conversation c = new OfflineBrain().newConversation(ctx);
        String reply = turn(c, ctx, history, "I need to cancel my appointment");
        reply += turn(c, ctx, history, "Jon Smith");
        assertThat(reply).contains("Sorry, I didn't get the name").doesNotContain("passed");
        assertThat(called).contains("update_request_type", "update_name");
    }
}
