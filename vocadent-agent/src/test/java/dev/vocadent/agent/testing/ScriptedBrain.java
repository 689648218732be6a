package dev.vocadent.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.BrainException;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.tools.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A brain that plays scripted turns (text, tool calls, failures, pauses) for end-to-end tests. Each
 * conversation plays the script from its start: the greeting, then one scripted turn per caller turn.
 * When the script runs out it throws a {@link BrainException}. It records what it saw (the caller's
 * last words per turn) and every tool result.
 *
 * <pre>{@code
 * ScriptedBrain brain = ScriptedBrain.named("scripted")
 *     .turn(t -> t.call("update_name", "{\"name\":\"Jane Smith\"}").say("Thanks, Jane."))
 *     .turn(t -> t.call("get_appointment_availability", "{}")
 *                 .callWith("update_slot_id_and_slot_day_and_timing", ScriptedBrain::firstOfferedSlot))
 *     .build();
 * }</pre>
 */
public final class ScriptedBrain implements Brain {
    private final String name;
    private final String greeting;
    private final List<List<Step>> turns;
    private final List<ToolResult> results = Collections.synchronizedList(new ArrayList<>());
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> historySizes = Collections.synchronizedList(new ArrayList<>());

    private ScriptedBrain(Builder b) {
        this.name = b.name;
        this.greeting = b.greeting;
        this.turns = List.copyOf(b.turns);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Arguments choosing the first slot of an availability result. */
    public static String firstOfferedSlot(ToolResult availability) {
        JsonNode slot = availability.data().get("slots").get(0);
        return Json.write(Json.mapper().createObjectNode()
                .put("slot_id", slot.get("slot_id").asText())
                .put("slot_day_and_timing", slot.get("slot_day_and_timing").asText()));
    }

    @Override
    public String name() {
        return name;
    }

    /** Every tool result this brain got, in order. */
    public List<ToolResult> toolResults() {
        return List.copyOf(results);
    }

    /** The last history item's text at each scripted turn (what the brain answered). */
    public List<String> heard() {
        return List.copyOf(heard);
    }

    /** The history size at each scripted turn. */
    public List<Integer> historySizes() {
        return List.copyOf(historySizes);
    }

    @Override
    public Conversation newConversation(BrainContext context) {
        return new Conversation() {
            private int next;

            @Override
            public void greet(ReplySink out) {
                out.text(greeting != null ? greeting : context.state().customerContext().greeting());
            }

            @Override
            public void respond(ReplySink out) throws BrainException {
                List<HistoryItem> h = out.context().history();
                heard.add(h.isEmpty() ? null : h.getLast().text());
                historySizes.add(h.size());
                if (next >= turns.size()) {
                    throw new BrainException(name + ": script exhausted");
                }
                ToolResult last = null;
                for (Step step : turns.get(next++)) {
                    last = step.play(ScriptedBrain.this, out, last);
                }
            }
        };
    }

    private interface Step {
        /** Plays the step; returns the latest tool result (the given one when the step is not a tool call). */
        ToolResult play(ScriptedBrain self, ReplySink out, ToolResult previous) throws BrainException;
    }

    /** One scripted turn. */
    public static final class Turn {
        private final List<Step> steps = new ArrayList<>();

        public Turn say(String text) {
            steps.add((self, out, prev) -> {
                out.text(text);
                return prev;
            });
            return this;
        }

        public Turn call(String tool, String argsJson) {
            return callWith(tool, prev -> argsJson);
        }

        /** A tool call whose arguments come from the previous tool result of this turn. */
        public Turn callWith(String tool, Function<ToolResult, String> args) {
            steps.add((self, out, prev) -> {
                JsonNode node;
                try {
                    node = Json.mapper().readTree(args.apply(prev));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ToolResult r = out.context().tools().call(tool, node, "call-" + tool);
                self.results.add(r);
                return r;
            });
            return this;
        }

        public Turn expect(ExpectedAnswer expected) {
            steps.add((self, out, prev) -> {
                out.expect(expected);
                return prev;
            });
            return this;
        }

        /** The brain fails here with a BrainException. */
        public Turn fail(String message) {
            steps.add((self, out, prev) -> {
                throw new BrainException(message);
            });
            return this;
        }

        /** The brain crashes here with a runtime exception. */
        public Turn crash(String message) {
            steps.add((self, out, prev) -> {
                throw new IllegalStateException(message);
            });
            return this;
        }

        /** The brain goes quiet (an interrupt ends the pause, as when the fallback abandons it). */
        public Turn pause(Duration d) {
            steps.add((self, out, prev) -> {
                try {
                    Thread.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrainException("interrupted");
                }
                return prev;
            });
            return this;
        }
    }

    public static final class Builder {
        private final String name;
        private String greeting;
        private final List<List<Step>> turns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** The greeting (default: the clinic's). */
        public Builder greet(String text) {
            this.greeting = text;
            return this;
        }

        public Builder turn(Consumer<Turn> script) {
            Turn t = new Turn();
            script.accept(t);
            turns.add(t.steps);
            return this;
        }

        public ScriptedBrain build() {
            return new ScriptedBrain(this);
        }
    }
}
