package dev.vocadent.telephony.agent;

import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.telephony.CallHandler;
import dev.vocadent.telephony.CallInfo;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.TelephonyCallControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers SIP calls with the voice agent: one {@link VoiceCall} per call, built by a
 * {@link Calls} factory (brain, backend client, VAD/STT/TTS of the clinic) and connected to the call's
 * media through a {@link VoiceCallMediaSession}. The call's {@link TelephonyCallControl} is the
 * session's CallControl, so {@code end_call} hangs up with BYE and a transfer is a REFER.
 */
public final class VoiceCallHandler implements CallHandler {
    private static final Logger log = LoggerFactory.getLogger(VoiceCallHandler.class);
    /** Agent audio the pacer may hold ahead of the wire (ms). */
    static final int PLAYOUT_RING_MILLIS = 2000;

    private final Calls calls;
    private final java.util.function.Consumer<VoiceCall> started;

    public VoiceCallHandler(Calls calls) {
        this(calls, call -> { });
    }

    /** @param started told of each call once built (e.g. to hand it to post-call processing when it ends) */
    public VoiceCallHandler(Calls calls, java.util.function.Consumer<VoiceCall> started) {
        this.calls = calls;
        this.started = started;
    }

    /** Builds the pieces of one call. */
    @FunctionalInterface
    public interface Calls {
        /**
         * A builder for this call (session with the call's CallState, backend, brain and {@code control}
         * as its CallControl; VAD, STT, TTS). Rates, output and pacing are set by the handler.
         */
        VoiceCall.Builder builder(CallInfo call, TelephonyCallControl control);
    }

    @Override
    public MediaSession open(CallInfo call, TelephonyCallControl control) {
        VoiceCall.Builder b = calls.builder(call, control);
        log.info("call {} for clinic {} answered by the voice agent", call.callId(), call.clinicId());
        return VoiceCallMediaSession.start(out -> {
            VoiceCall vc = b.inputRate(8000).outputRate(8000).pacerClock(null)
                    .playout(PLAYOUT_RING_MILLIS, false).output(out).build();
            started.accept(vc);
            return vc;
        });
    }
}
