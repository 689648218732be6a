package dev.vocadent.providers.openai;

/**
 * Told the token usage of every model request, so the call record can carry it. Called on the call's
 * session thread right after the request; keep it quick.
 */
@FunctionalInterface
public interface UsageListener {
    UsageListener NONE = (sessionId, model, promptTokens, completionTokens) -> {};

    /**
     * @param sessionId        the call ({@code CallState.sessionId()}); null outside a call (analysis)
     * @param model            the model (Azure: deployment) that answered
     * @param promptTokens     tokens read by the model
     * @param completionTokens tokens written by the model
     */
    void onUsage(String sessionId, String model, long promptTokens, long completionTokens);
}
