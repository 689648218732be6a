package dev.vocadent.telephony.agent;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import java.util.function.Function;

/**
 * A SIP call's media driven into a {@link VoiceCall}: the caller's 8 kHz frames go to
 * {@link VoiceCall#callerAudio}, and each {@link #nextAgentFrame} ticks the call's pacer once, so the
 * transport's 20 ms media clock is the pacer's clock (no second timer; silence is "no frame", the
 * transport then sends nothing and the next frame starts a talkspurt). DTMF → {@link VoiceCall#callerDtmf};
 * the end of the call → {@link VoiceCall#callerHungUp} when the caller left, then {@link VoiceCall#close}.
 */
public final class VoiceCallMediaSession implements MediaSession {
    private final VoiceCall call;
    private short[] target;
    private boolean filled;

    /**
     * @param build builds the call around the given output; the builder must be set for 8 kHz in and
     *              out, without a pacer clock and with {@code playout(…, false)} (see {@link VoiceCallHandler})
     */
    private VoiceCallMediaSession(Function<FrameConsumer, VoiceCall> build) {
        this.call = build.apply(new FrameConsumer() {
            @Override
            public void frame(AudioFrame frame) {
                copy(frame);
            }
        });
    }

    /** Builds the call and starts it (the greeting plays from the first agent frame on). */
    public static VoiceCallMediaSession start(Function<FrameConsumer, VoiceCall> build) {
        VoiceCallMediaSession s = new VoiceCallMediaSession(build);
        s.call.start();
        return s;
    }

    /** The call (its session, outcome and latencies). */
    public VoiceCall call() {
        return call;
    }

    @Override
    public void onCallerAudio(short[] frame) {
        call.callerAudio(frame, 0, FRAME_SAMPLES);
    }

    @Override
    public void onDtmf(char digit) {
        call.callerDtmf(digit);
    }

    /** Called on the media clock thread only (one caller), so the hand-over fields need no lock. */
    @Override
    public boolean nextAgentFrame(short[] out) {
        return nextAgentFrame(out, 0);
    }

    /** The RTP clock's lateness goes to the pacer, which counts frames sent a period or more late. */
    @Override
    public boolean nextAgentFrame(short[] out, long lateNanos) {
        target = out;
        filled = false;
        try {
            call.pacer().tick(lateNanos);
        } finally {
            target = null;
        }
        return filled;
    }

    private void copy(AudioFrame frame) {
        short[] out = target;
        if (out == null) {
            return;
        }
        int n = Math.min(frame.length(), out.length);
        System.arraycopy(frame.samples(), 0, out, 0, n);
        java.util.Arrays.fill(out, n, out.length, (short) 0);
        filled = true;
    }

    @Override
    public void onEnd(EndReason reason) {
        if (reason == EndReason.CALLER_HUNG_UP || reason == EndReason.CALLER_GONE || reason == EndReason.SHUTDOWN) {
            call.callerHungUp();
        }
        call.close();
    }
}
