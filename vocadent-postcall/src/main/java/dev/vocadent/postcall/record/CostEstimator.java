package dev.vocadent.postcall.record;

import dev.vocadent.core.api.Usage;
import dev.vocadent.postcall.PostCallSettings.Prices;

/** Estimated provider cost of a call from its usage and the configured unit prices (USD, 6 decimals). */
public final class CostEstimator {
    private CostEstimator() {}

    public static double estimate(Usage u, Prices p) {
        double usd = u.promptTokens() / 1_000_000.0 * p.llmPromptPerMillionTokens()
                + u.completionTokens() / 1_000_000.0 * p.llmCompletionPerMillionTokens()
                + u.ttsCharacters() / 1_000.0 * p.ttsPerThousandCharacters()
                + u.sttSeconds() / 60.0 * p.sttPerMinute();
        return Math.round(usd * 1_000_000) / 1_000_000.0;
    }
}
