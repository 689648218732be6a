package dev.vocadent.core.api;

/** Provider usage of one call, for cost estimates. */
public record Usage(long promptTokens, long completionTokens, long ttsCharacters, double sttSeconds) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);
}
