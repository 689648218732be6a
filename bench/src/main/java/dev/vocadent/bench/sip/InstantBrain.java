package dev.vocadent.bench.sip;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.ReplySink;

/** Fake brain for load benches: greets, then answers every caller turn at once with one sentence. */
final class InstantBrain implements Brain {
    static final String GREETING = "Hello, Westbury Dental, how can I help?";
    static final String ANSWER = "Thanks, I can book that for you on Tuesday at nine thirty.";

    @Override
    public String name() {
        return "instant";
    }

    @Override
    public Conversation newConversation(BrainContext context) {
        return new Conversation() {
            @Override
            public void greet(ReplySink out) {
                out.text(GREETING);
            }

            @Override
            public void respond(ReplySink out) {
                out.text(ANSWER);
            }
        };
    }
}
