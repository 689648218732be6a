package dev.vocadent.postcall;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.vocadent.core.json.JsonEnum;

/** How the call reached Vocadent. Chat has no recording. */
public enum Channel {
    CHAT, CALL, SIP, LIVEKIT;

    @JsonValue
    public String wireName() {
        return JsonEnum.wireName(this);
    }

    @JsonCreator
    public static Channel parse(String raw) {
        return JsonEnum.parse(Channel.class, raw);
    }
}
