package dev.vocadent.agent.brain;

import java.util.List;

/**
 * The answer the agent expects next, for dialog-aware endpointing and recogniser biasing.
 *
 * @param kind    what kind of answer
 * @param phrases likely phrases (slot choices, doctor names…), may be empty
 */
public record ExpectedAnswer(Kind kind, List<String> phrases) {
    public enum Kind { FREE, YES_NO, NAME, SPELLING, PHONE_NUMBER, DATE_OF_BIRTH, DATE, CHOICE }

    public static final ExpectedAnswer FREE = new ExpectedAnswer(Kind.FREE, List.of());

    public ExpectedAnswer {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }

    public static ExpectedAnswer of(Kind kind, String... phrases) {
        return new ExpectedAnswer(kind, List.of(phrases));
    }

    /** Digits, dates and spelling need the caller to pause between groups without losing the turn. */
    public boolean needsPatience() {
        return kind == Kind.PHONE_NUMBER || kind == Kind.DATE_OF_BIRTH || kind == Kind.SPELLING;
    }
}
