package dev.vocadent.core.api;

/** Caller sentiment: label, score in [-1, 1] and a one-line reason. */
public record Sentiment(SentimentLabel label, double score, String reason) {}
