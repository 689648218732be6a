package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.voice.ToneTextToSpeech;
import dev.vocadent.telephony.caller.CallerReplies;
import dev.vocadent.telephony.caller.DemoCaller;
import dev.vocadent.telephony.caller.SipCaller;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The demo's synthetic caller over real SIP/RTP to a test agent that talks once and then never reacts. */
class DemoCallerTest {
    @Test
    void answersTheAgentsTurnAndSaysItAgainAnotherWayWhenTheAgentDoesNotReactThenHangsUp() throws Exception {
        try (var t = new TestServer(); SipCaller sip = SipCaller.start("127.0.0.1")) {
            t.handler.speakFrames = 50; // the agent asks something for 1 s, then never speaks again
            AtomicInteger asked = new AtomicInteger();
            List<String> said = new CopyOnWriteArrayList<>();
            DemoCaller caller = new DemoCaller(new ToneTextToSpeech("tone", 20, -1),
                    CallerReplies.parse(List.of("how can i help => i'd like a check up please | a check up")),
                    () -> asked.getAndIncrement() == 0 ? "Hello, how can I help you today?" : "", said::add);
            EndReason end = caller.call(sip, new InetSocketAddress("127.0.0.1", t.port()), "+441632960001", "+447700900123",
                    call -> { });
            assertThat(end).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(said).containsExactly("i'd like a check up please", "a check up", "i'd like a check up please");
            var probe = t.handler.only();
            assertThat(probe.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(probe.loudFramesIn).isGreaterThan(40); // the three lines arrived as audio
        }
    }
}
