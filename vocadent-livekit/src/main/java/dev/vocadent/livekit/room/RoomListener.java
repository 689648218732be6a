package dev.vocadent.livekit.room;

import livekit.LivekitModels.ParticipantInfo;

/** What a {@link RoomConnection} reports. Called from the connection's threads: do not block. */
public interface RoomListener {
    /** A remote participant is in the room (at join, or later). */
    default void participantJoined(ParticipantInfo participant) {}

    /** A remote participant left the room. */
    default void participantLeft(ParticipantInfo participant) {}

    /**
     * 10 ms of remote audio, 16-bit mono at {@code sampleRate} (WebRTC decodes to 48 kHz). The array
     * is the listener's to keep. Called on WebRTC's shared playout thread: copy and return.
     */
    default void remoteAudio(short[] pcm, int sampleRate) {}

    /** The connection to the room ended (server leave, network loss, or our own leave). */
    default void disconnected(String reason) {}
}
