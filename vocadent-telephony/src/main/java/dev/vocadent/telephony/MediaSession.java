package dev.vocadent.telephony;

/**
 * The agent side of one call's media, as the transport drives it. One instance per call, obtained
 * from {@link CallHandler#open}. All audio is 16-bit linear PCM, mono, 8 kHz, in 20 ms frames of
 * {@link #FRAME_SAMPLES} samples.
 *
 * <p>Threading: {@link #onCallerAudio} and {@link #nextAgentFrame} are called from the call's media
 * clock thread, one after the other, every 20 ms on an absolute schedule; {@link #onDtmf} from the
 * RTP receive thread; {@link #onEnd} once, from whichever thread ended the call. None may block
 * (hand work to the session's own threads); arrays passed in are reused after the call returns.
 */
public interface MediaSession {
    /** Samples in one 20 ms frame at 8 kHz. */
    int FRAME_SAMPLES = 160;

    /**
     * The caller's next 20 ms of audio, after the jitter buffer (lost packets concealed; silence
     * while the buffer fills or the caller is on hold).
     */
    void onCallerAudio(short[] frame);

    /** A DTMF digit the caller keyed ({@code 0-9 * # A-D}), from RFC 4733 telephone-events. */
    default void onDtmf(char digit) {}

    /**
     * Fill {@code out} with the agent's next 20 ms of audio and return true, or return false when
     * the agent is silent (the transport then sends silence; the next true starts a talkspurt).
     */
    boolean nextAgentFrame(short[] out);

    /**
     * As {@link #nextAgentFrame(short[])}, told how late the media clock's tick is ({@code lateNanos} after
     * its 20 ms deadline), so a session that paces agent audio can count late frames.
     */
    default boolean nextAgentFrame(short[] out, long lateNanos) {
        return nextAgentFrame(out);
    }

    /** The call is over (caller hung up, went silent, agent hung up, transfer done). Called once. */
    void onEnd(EndReason reason);
}
