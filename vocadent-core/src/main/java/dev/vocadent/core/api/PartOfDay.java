package dev.vocadent.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** Part of the day a caller prefers for an appointment (UK local time: morning before 12:00). */
public enum PartOfDay {
    MORNING, AFTERNOON, ANY;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    /** Lenient parse of a wire name; an unknown value throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static PartOfDay parse(String raw) {
        return JsonEnum.parse(PartOfDay.class, raw);
    }
}
