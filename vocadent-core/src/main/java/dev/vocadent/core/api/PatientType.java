package dev.vocadent.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** Whether the caller (or the dependent) is already a patient of the practice. */
public enum PatientType {
    NEW, EXISTING;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    /** Lenient parse of a wire name; an unknown value throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static PatientType parse(String raw) {
        return JsonEnum.parse(PatientType.class, raw);
    }
}
