package dev.vocadent.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.TranscriptEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SessionTurnTest {
    /** Answers every turn with "echo:" + the caller's last words, after a tool call, in two pieces. */
    static final class EchoBrain implements Brain {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Conversation newConversation(BrainContext context) {
            return new Conversation() {
                @Override
                public void respond(ReplySink out) {
                    String last = out.context().history().getLast().text();
                    out.text("echo:");
                    Thread.yield();
                    out.context().tools().call("get_current_date_and_time_in_uk", null, null);
                    out.text(last);
                }
            };
        }
    }

    @Test
    void concurrentEventsAreHandledOneTurnAtATimeInOrder() throws Exception {
        SessionHarness h = new SessionHarness(new EchoBrain());
        int threads = 8;
        int each = 25;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    h.session.callerSaid("t" + id + "-" + i);
                }
            }));
        }
        go.countDown();
        for (Thread t : ts) {
            t.join();
        }
        h.session.callerLeft();
        h.awaitEnd();
        List<HistoryItem> hist = h.session.history();
        assertThat(hist).hasSize(threads * each * 4);
        List<String> perThreadOrder = new ArrayList<>();
        for (int i = 0; i < hist.size(); i += 4) {
            assertThat(hist.get(i).role()).isEqualTo(HistoryItem.Role.CALLER);
            assertThat(hist.get(i + 1).text()).isEqualTo("echo:");
            assertThat(hist.get(i + 2).role()).isEqualTo(HistoryItem.Role.TOOL);
            assertThat(hist.get(i + 3).text()).isEqualTo(hist.get(i).text());
            perThreadOrder.add(hist.get(i).text());
        }
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            assertThat(perThreadOrder.stream().filter(s -> s.startsWith(prefix)).toList())
                    .isEqualTo(java.util.stream.IntStream.range(0, each).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void digitsEndedWithHashBecomeOneCallerTurn() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.say("Thanks.")).build();
        SessionHarness h = new SessionHarness(brain);
        for (char c : "0770*07700 900456#".toCharArray()) {
            h.session.callerDtmf(c);
        }
        h.turnDone();
        assertThat(brain.heard()).containsExactly("07700900456");
        assertThat(h.session.history().getFirst().role()).isEqualTo(HistoryItem.Role.DTMF);
        assertThat(h.state.transcript().getFirst()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TranscriptEntry.Kind.DTMF);
            assertThat(e.text()).isEqualTo("07700900456");
        });
    }

    @Test
    void digitsFollowedByAPauseBecomeACallerTurn() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.say("Got it.")).build();
        SessionHarness h = new SessionHarness(brain, b -> b.dtmfTimeout(Duration.ofMillis(100)));
        h.session.callerDtmf('1');
        h.session.callerDtmf('9');
        h.turnDone();
        assertThat(brain.heard()).containsExactly("19");
    }

    @Test
    void speakingAfterDigitsKeepsBothInOrder() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.say("OK.")).build();
        SessionHarness h = new SessionHarness(brain);
        h.session.callerDtmf('4');
        h.session.callerDtmf('2');
        h.say("that's my number");
        assertThat(h.session.history()).extracting(HistoryItem::role)
                .startsWith(HistoryItem.Role.DTMF, HistoryItem.Role.CALLER, HistoryItem.Role.AGENT);
        assertThat(brain.heard()).containsExactly("that's my number");
    }

    @Test
    void bargeInCutsTheLastAgentTurnToWhatWasHeard() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s")
                .turn(t -> t.say("You can park behind. ").call("get_consultation_type", "{}")
                        .say("We do check-ups and cleaning."))
                .turn(t -> t.say("Sure."))
                .build();
        SessionHarness h = new SessionHarness(brain);
        h.say("Where do I park?");
        h.session.agentHeard("You can park behind. We do");
        h.say("ok and what else");
        List<HistoryItem> hist = h.session.history();
        assertThat(hist).extracting(HistoryItem::text).containsSubsequence(
                "You can park behind. ", "We do", "ok and what else", "Sure.");
        assertThat(h.state.transcript()).extracting(TranscriptEntry::text).contains("We do")
                .doesNotContain("We do check-ups and cleaning.");
        assertThat(brain.historySizes()).containsExactly(1, 5);
    }

    @Test
    void bargeInBeforeAnythingWasHeardRemovesTheAgentText() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.say("A long answer.")).build();
        SessionHarness h = new SessionHarness(brain);
        h.say("question");
        h.session.agentHeard("");
        h.session.callerLeft();
        h.awaitEnd();
        assertThat(h.session.history()).extracting(HistoryItem::role).containsExactly(HistoryItem.Role.CALLER);
        assertThat(h.state.transcript()).extracting(TranscriptEntry::kind).containsExactly(TranscriptEntry.Kind.CALLER);
    }

    @Test
    void aBrainExceptionGetsAnApologyAndTheCallGoesOn() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.fail("provider down")).turn(t -> t.say("Back again.")).build();
        SessionHarness h = new SessionHarness(brain);
        h.say("hello");
        h.say("hello?");
        assertThat(h.events.events()).containsExactly("agent: " + SessionEngine.APOLOGY, "listening",
                "agent: Back again.", "listening");
        assertThat(h.session.isEnded()).isFalse();
    }

    @Test
    void repeatedBrainFailuresLeaveACallbackAndEndThePolitely() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s").turn(t -> t.crash("boom")).turn(t -> t.fail("down")).build();
        SessionHarness h = new SessionHarness(brain);
        h.say("hello");
        h.session.callerSaid("hello?");
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(h.backend.otherRequests()).singleElement().satisfies(o -> assertThat(o.reason()).isEqualTo("agent_error"));
        assertThat(h.control.hangUps()).containsExactly("agent_error");
        assertThat(h.events.events()).anyMatch(e -> e.contains("asked the team to call you back"));
    }

    @Test
    void aBrainThatCannotEvenStartAConversationStillGreetsThenEndsWithACallback() throws Exception {
        Brain broken = new Brain() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Conversation newConversation(BrainContext context) {
                throw new IllegalStateException("no model loaded");
            }
        };
        SessionHarness h = new SessionHarness(broken);
        h.session.start();
        h.turnDone();
        h.session.callerSaid("hello");
        assertThat(h.awaitEnd()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(h.events.events()).containsExactly("agent: " + h.state.customerContext().greeting(), "listening",
                "tool: handle_callback_request_and_forward_message_to_team ok", "outcome: callback_requested",
                "agent: " + SessionEngine.GIVE_UP + " I've asked the team to call you back. Goodbye.",
                "ended: callback_requested");
    }

    @Test
    void theExpectedAnswerLastsOneTurn() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("s")
                .turn(t -> t.say("What's your date of birth?").expect(dev.vocadent.agent.brain.ExpectedAnswer.of(
                        dev.vocadent.agent.brain.ExpectedAnswer.Kind.DATE_OF_BIRTH)))
                .turn(t -> t.say("Thanks.")).build();
        SessionHarness h = new SessionHarness(brain);
        h.say("book me in");
        assertThat(h.session.expectedAnswer().kind()).isEqualTo(dev.vocadent.agent.brain.ExpectedAnswer.Kind.DATE_OF_BIRTH);
        h.say("1 May 1980");
        assertThat(h.session.expectedAnswer()).isEqualTo(dev.vocadent.agent.brain.ExpectedAnswer.FREE);
    }
}
