package dev.vocadent.telephony.agent;

import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.telephony.CallHandler;
import dev.vocadent.telephony.CallInfo;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.TelephonyCallControl;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    /** Longest wait for the agent's last words before a hang-up it asked for goes out anyway (ms). */
    static final long LAST_WORDS_MAX_MILLIS = 30_000;

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
        CompletableFuture<VoiceCall> built = new CompletableFuture<>();
        VoiceCall.Builder b = calls.builder(call, afterLastWords(control, built));
        log.info("call {} for clinic {} answered by the voice agent", call.callId(), call.clinicId());
        return VoiceCallMediaSession.start(out -> {
            VoiceCall vc = b.inputRate(8000).outputRate(8000).pacerClock(null)
                    .playout(PLAYOUT_RING_MILLIS, false).output(out).build();
            built.complete(vc);
            started.accept(vc);
            return vc;
        });
    }

    /**
     * The session's call control: a hang-up (end_call) waits until the agent's last words have been
     * played ({@link VoiceCall#finished}), at most {@link #LAST_WORDS_MAX_MILLIS}, before the BYE. The
     * transport alone would hang up at the first silent frame, and the goodbye is often still being
     * synthesised then, or pausing between its sentences.
     */
    static TelephonyCallControl afterLastWords(TelephonyCallControl control, CompletableFuture<VoiceCall> call) {
        return new TelephonyCallControl() {
            @Override
            public String callId() {
                return control.callId();
            }

            @Override
            public void hangUp(String reason) {
                call.thenCompose(VoiceCall::finished)
                        .completeOnTimeout(null, LAST_WORDS_MAX_MILLIS, TimeUnit.MILLISECONDS)
                        .whenComplete((outcome, error) -> control.hangUp(reason));
            }

            @Override
            public CompletableFuture<Boolean> transfer(String number) {
                return control.transfer(number);
            }
        };
    }
}
