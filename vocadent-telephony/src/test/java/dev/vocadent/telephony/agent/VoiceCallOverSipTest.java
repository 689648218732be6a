package dev.vocadent.telephony.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.telephony.CallHandler;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.SipTestAccess;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SIP call (sipp) answered by a VoiceCall on fakes through {@link VoiceCallHandler}. */
class VoiceCallOverSipTest {
    @TempDir
    Path dir;

    @Test
    void sipCallIsAnsweredByTheVoiceCallWhoseGreetingTheMediaClockPullsAndByeEndsTheSession() throws Exception {
        SipTestAccess.requireSipp();
        var fixture = new VoiceCallMediaSessionTest();
        VoiceCallHandler agent = fixture.handler();
        AtomicInteger agentFrames = new AtomicInteger();
        CompletableFuture<VoiceCallMediaSession> opened = new CompletableFuture<>();
        CallHandler counting = (call, control) -> {
            var media = (VoiceCallMediaSession) agent.open(call, control);
            opened.complete(media);
            return new MediaSession() {
                @Override
                public void onCallerAudio(short[] frame) {
                    media.onCallerAudio(frame);
                }

                @Override
                public void onDtmf(char digit) {
                    media.onDtmf(digit);
                }

                @Override
                public boolean nextAgentFrame(short[] out) {
                    boolean voiced = media.nextAgentFrame(out);
                    if (voiced) {
                        agentFrames.incrementAndGet();
                    }
                    return voiced;
                }

                @Override
                public void onEnd(dev.vocadent.telephony.EndReason reason) {
                    media.onEnd(reason);
                }
            };
        };
        SipTestAccess.callOnce(dir, counting, "+441632960001");
        VoiceCallMediaSession media = opened.get(5, TimeUnit.SECONDS);
        assertThat(media.call().session().ended().get(5, TimeUnit.SECONDS)).isEqualTo(CallOutcome.HUNG_UP);
        assertThat(agentFrames.get()).as("greeting frames sent as RTP").isGreaterThan(10);
    }
}
