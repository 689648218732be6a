package dev.vocadent.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** Overall caller sentiment of a call. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    /** Lenient parse of a wire name; an unknown value throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static SentimentLabel parse(String raw) {
        return JsonEnum.parse(SentimentLabel.class, raw);
    }
}
