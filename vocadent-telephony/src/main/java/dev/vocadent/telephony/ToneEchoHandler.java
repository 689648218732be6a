package dev.vocadent.telephony;

import java.util.concurrent.ArrayBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in handler of {@code vocadent sip} until the agent is connected: greets with a one
 * second 440 Hz tone, then echoes the caller's audio back (about 100 ms later), and logs keyed
 * DTMF digits. Good for checking a trunk's audio both ways.
 */
public final class ToneEchoHandler implements CallHandler {
    private static final Logger log = LoggerFactory.getLogger(ToneEchoHandler.class);

    @Override
    public MediaSession open(CallInfo call, TelephonyCallControl control) {
        log.info("call {} for clinic {} answered by the tone/echo handler", call.callId(), call.clinicId());
        return new Session(call.callId());
    }

    private static final class Session implements MediaSession {
        private static final int TONE_FRAMES = 50;
        private final String callId;
        private final ArrayBlockingQueue<short[]> echo = new ArrayBlockingQueue<>(32);
        private int frame;
        private int phase;

        Session(String callId) {
            this.callId = callId;
        }

        @Override
        public void onCallerAudio(short[] samples) {
            if (frame >= TONE_FRAMES) {
                if (!echo.offer(samples.clone())) {
                    echo.poll();
                    echo.offer(samples.clone());
                }
            }
        }

        @Override
        public void onDtmf(char digit) {
            log.info("call {}: DTMF {}", callId, digit);
        }

        @Override
        public boolean nextAgentFrame(short[] out) {
            frame++;
            if (frame <= TONE_FRAMES) {
                for (int i = 0; i < FRAME_SAMPLES; i++, phase++) {
                    out[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * phase / 8000.0));
                }
                return true;
            }
            if (echo.size() < 5) {
                return false;
            }
            short[] f = echo.poll();
            System.arraycopy(f, 0, out, 0, FRAME_SAMPLES);
            return true;
        }

        @Override
        public void onEnd(EndReason reason) {
            log.info("call {} ended: {}", callId, reason);
        }
    }
}
