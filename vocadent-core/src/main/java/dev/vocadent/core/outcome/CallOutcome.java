package dev.vocadent.core.outcome;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/**
 * The outcome of a call, as the seed defines them. Each outcome has a strength; a weaker outcome
 * never replaces a stronger one ({@link #merge}), so a call that booked stays {@code booked} even if
 * the brain later records an enquiry.
 */
public enum CallOutcome {
    /** Caller left before any other outcome. */
    HUNG_UP(0, "📵"),
    /** Caller only asked questions. */
    ENQUIRY_ONLY(1, "❓"),
    /** A callback or a message for the team was registered. */
    CALLBACK_REQUESTED(2, "📞"),
    /** A callback was registered because nothing suitable was available. */
    NO_SLOTS(2, "❌"),
    /** The call reached a person at the practice. */
    TRANSFERRED(3, "🔄"),
    /** An appointment was booked. */
    BOOKED(4, "✅");

    private final int strength;
    private final String emoji;

    CallOutcome(int strength, String emoji) {
        this.strength = strength;
        this.emoji = emoji;
    }

    public int strength() {
        return strength;
    }

    public String emoji() {
        return emoji;
    }

    /**
     * The outcome after {@code next} is recorded on top of {@code current} (null = nothing yet): the
     * later one wins unless it is weaker.
     */
    public static CallOutcome merge(CallOutcome current, CallOutcome next) {
        if (next == null) {
            return current;
        }
        if (current == null || next.strength >= current.strength) {
            return next;
        }
        return current;
    }

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    @JsonCreator
    public static CallOutcome parse(String raw) {
        return JsonEnum.parse(CallOutcome.class, raw);
    }
}
