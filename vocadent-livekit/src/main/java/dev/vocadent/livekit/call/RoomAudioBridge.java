package dev.vocadent.livekit.call;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.livekit.room.RoomConnection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Moves audio between a LiveKit room (48 kHz, 10 ms chunks from WebRTC's playout thread) and a
 * {@link VoiceCall} (16 kHz in, 16 kHz out in paced 20 ms frames). Caller audio is copied onto a
 * bounded queue and fed to the call on a virtual thread of its own, so a slow call never stalls
 * WebRTC's shared playout thread (frames are dropped and counted instead).
 */
final class RoomAudioBridge implements FrameConsumer, AutoCloseable {
    static final int CALL_RATE = 16_000;
    private static final int ROOM_RATE = 48_000;

    private final RoomConnection room;
    private final Resampler down = new Resampler(ROOM_RATE, CALL_RATE);
    private final Resampler up = new Resampler(CALL_RATE, ROOM_RATE);
    private final BlockingQueue<short[]> inbound = new ArrayBlockingQueue<>(100);
    private final short[] upOut = new short[up.maxOutput(CALL_RATE / 50) + 960];
    private final short[] carry = new short[upOut.length + 960];
    private int carried;
    private volatile VoiceCall call;
    private volatile boolean closed;
    private long dropped;
    private Thread feeder;

    RoomAudioBridge(RoomConnection room) {
        this.room = room;
    }

    /** Starts feeding caller audio to the call. */
    void attach(VoiceCall voiceCall) {
        this.call = voiceCall;
        feeder = Thread.ofVirtual().name("lk-caller-audio").start(this::feed);
    }

    /** From WebRTC's playout thread: copy and return at once. */
    void callerAudio(short[] pcm48k) {
        if (call != null && !closed && !inbound.offer(pcm48k)) {
            dropped++;
        }
    }

    long droppedChunks() {
        return dropped;
    }

    private void feed() {
        short[] out = new short[down.maxOutput(480) + 16];
        try {
            while (!closed) {
                short[] chunk = inbound.take();
                int n = down.process(chunk, 0, chunk.length, out, 0);
                if (n > 0) {
                    call.callerAudio(out, 0, n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Agent audio from the call's pacer (16 kHz, 20 ms): upsample and publish in 10 ms chunks. */
    @Override
    public void frame(AudioFrame frame) {
        if (closed) {
            return;
        }
        int n = up.process(frame.samples(), 0, frame.length(), upOut, 0);
        System.arraycopy(upOut, 0, carry, carried, n);
        carried += n;
        int whole = carried - carried % 480;
        if (whole > 0) {
            room.publishAudio(carry, 0, whole);
            System.arraycopy(carry, whole, carry, 0, carried - whole);
            carried -= whole;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (feeder != null) {
            feeder.interrupt();
        }
    }
}
