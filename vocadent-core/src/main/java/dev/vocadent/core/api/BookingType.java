package dev.vocadent.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** How the appointment is paid for: on the NHS or privately. */
public enum BookingType {
    NHS, PRIVATE;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    /** Lenient parse of a wire name; an unknown value throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static BookingType parse(String raw) {
        return JsonEnum.parse(BookingType.class, raw);
    }
}
