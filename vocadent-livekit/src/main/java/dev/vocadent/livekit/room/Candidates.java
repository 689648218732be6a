package dev.vocadent.livekit.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.vocadent.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** ICE candidates as LiveKit's signalling carries them: the browser's RTCIceCandidateInit JSON. */
public final class Candidates {
    private Candidates() {}

    public static String toJson(RTCIceCandidate c) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("candidate", c.sdp);
        n.put("sdpMid", c.sdpMid);
        n.put("sdpMLineIndex", c.sdpMLineIndex);
        return n.toString();
    }

    public static RTCIceCandidate fromJson(String json) {
        try {
            JsonNode n = Json.mapper().readTree(json);
            return new RTCIceCandidate(n.path("sdpMid").asText(null), n.path("sdpMLineIndex").asInt(0), n.path("candidate").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("bad ICE candidate from LiveKit", e);
        }
    }
}
