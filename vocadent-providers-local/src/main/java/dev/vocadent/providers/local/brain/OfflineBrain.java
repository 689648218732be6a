package dev.vocadent.providers.local.brain;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;

/**
 * The offline receptionist: a deterministic, rule-based brain that needs no API key. It understands
 * booking requests, corrections, dates, dates of birth, phone numbers, NHS or private, consultation
 * types and doctors from the clinic's config, answers questions about the practice, takes messages,
 * and acts only through the 18 tools. The default brain when no LLM key is set, and the last link of
 * the fallback chain.
 */
public final class OfflineBrain implements Brain {
    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Conversation newConversation(BrainContext context) {
        return new OfflineConversation(context);
    }
}
