package dev.vocadent.livekit.worker;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The calls this worker is serving, by room. Lets a verified LiveKit webhook (room finished,
 * participant left) end the matching call even if the media path missed the hang-up.
 */
public final class ActiveCalls {
    private final Map<String, Consumer<String>> byRoom = new ConcurrentHashMap<>();

    /** Registers a call; {@code end} ends it with a reason (idempotent on the session's side). */
    public void add(String roomName, Consumer<String> end) {
        byRoom.put(roomName, end);
    }

    public void remove(String roomName) {
        byRoom.remove(roomName);
    }

    /** Ends the call in a room if this worker has one; returns whether it had. */
    public boolean end(String roomName, String reason) {
        Optional<Consumer<String>> end = Optional.ofNullable(byRoom.remove(roomName));
        end.ifPresent(e -> e.accept(reason));
        return end.isPresent();
    }

    public int size() {
        return byRoom.size();
    }
}
