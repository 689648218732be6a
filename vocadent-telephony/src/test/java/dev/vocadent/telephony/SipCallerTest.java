package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.telephony.caller.CallerAudio;
import dev.vocadent.telephony.caller.CallerCall;
import dev.vocadent.telephony.caller.SipCaller;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo's SIP caller (JAIN-SIP UAC + RTP) against our own SIP server on loopback. */
class SipCallerTest {
    private static short[] tone(double seconds) {
        short[] s = new short[(int) (8000 * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        return s;
    }

    @Test
    void callsHearsTheAgentsTurnEndSpeaksAndHangsUpWithBye() throws Exception {
        try (var t = new TestServer(); SipCaller sip = SipCaller.start("127.0.0.1")) {
            t.handler.speakFrames = 50; // the "agent" talks for 1 s, then is quiet
            CallerAudio audio = new CallerAudio();
            CallerCall call = sip.dial(new InetSocketAddress("127.0.0.1", t.port()), "+441632960001", "+447700900123", audio);
            call.answered().get(5, TimeUnit.SECONDS);
            assertThat(audio.awaitTurnEnd(Duration.ofSeconds(1), Duration.ofSeconds(10))).isTrue();
            audio.say(tone(1.0));
            call.hangUp();
            var probe = t.handler.only();
            assertThat(probe.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(probe.call.callerNumber()).isEqualTo("+447700900123");
            assertThat(probe.call.dialledNumber()).isEqualTo("+441632960001");
            assertThat(probe.loudFramesIn).isBetween(40, 60); // our 1 s line arrived as G.711 RTP
            assertThat(call.ended().get()).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(audio.ended().get()).isEqualTo(EndReason.CALLER_HUNG_UP);
        }
    }

    @Test
    void theAgentsByeEndsTheCallersCall() throws Exception {
        try (var t = new TestServer(); SipCaller sip = SipCaller.start("127.0.0.1")) {
            t.handler.speakFrames = 10;
            CallerAudio audio = new CallerAudio();
            CallerCall call = sip.dial(new InetSocketAddress("127.0.0.1", t.port()), "+441632960001", "+447700900123", audio);
            call.answered().get(5, TimeUnit.SECONDS);
            t.handler.only().control.hangUp("completed");
            assertThat(call.ended().get(10, TimeUnit.SECONDS)).isEqualTo(EndReason.AGENT_HUNG_UP);
            assertThat(audio.ended().get(1, TimeUnit.SECONDS)).isEqualTo(EndReason.AGENT_HUNG_UP);
        }
    }

    @Test
    void aNumberNoClinicAnswersIsRefused() throws Exception {
        try (var t = new TestServer(); SipCaller sip = SipCaller.start("127.0.0.1")) {
            CallerCall call = sip.dial(new InetSocketAddress("127.0.0.1", t.port()), "+441632969999", "+447700900123",
                    new CallerAudio());
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> call.answered().get(5, TimeUnit.SECONDS)))
                    .hasMessageContaining("404");
        }
    }
}
