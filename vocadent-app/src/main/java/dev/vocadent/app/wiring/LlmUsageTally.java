package dev.vocadent.app.wiring;

import dev.vocadent.core.api.Usage;
import dev.vocadent.providers.openai.UsageListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Adds up the LLM tokens of each call, as the OpenAI brain reports them ({@link UsageListener}, keyed by
 * session id); {@link #take} hands a call's total to its call record and forgets it. Requests outside a
 * call (post-call analysis, session id null) are not counted.
 */
public final class LlmUsageTally implements UsageListener {
    private final ConcurrentMap<String, long[]> bySession = new ConcurrentHashMap<>();

    @Override
    public void onUsage(String sessionId, String model, long promptTokens, long completionTokens) {
        if (sessionId == null) {
            return;
        }
        bySession.compute(sessionId, (k, v) -> {
            long[] t = v == null ? new long[2] : v;
            t[0] += Math.max(0, promptTokens);
            t[1] += Math.max(0, completionTokens);
            return t;
        });
    }

    /** The call's tokens so far as a {@link Usage} (no TTS/STT), removing them from the tally. */
    public Usage take(String sessionId) {
        long[] t = sessionId == null ? null : bySession.remove(sessionId);
        return t == null ? Usage.NONE : new Usage(t[0], t[1], 0, 0);
    }
}
