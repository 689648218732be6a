package dev.vocadent.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** Who the appointment is for: the caller or someone the caller looks after. */
public enum Relationship {
    SELF, DEPENDENT;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    /** Lenient parse of a wire name; an unknown value throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static Relationship parse(String raw) {
        return JsonEnum.parse(Relationship.class, raw);
    }
}
