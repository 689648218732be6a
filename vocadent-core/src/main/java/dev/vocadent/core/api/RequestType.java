package dev.vocadent.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** Requests for the practice team that are not a booking (the seed's register-other-requests). */
public enum RequestType {
    CALLBACK, MESSAGE, CANCELLATION, RESCHEDULE, OTHER;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    /** Lenient parse of a wire name; an unknown value throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static RequestType parse(String raw) {
        return JsonEnum.parse(RequestType.class, raw);
    }
}
