package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls from sipp (a real, independent SIP UA) to the server; asserts what the handler received. */
class SipCallTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needSipp() {
        SippCheck.require();
    }

    @Test
    void callerAudioReachesTheHandlerAndCallerByeEndsTheCallAndTheRecordingHoldsIt() throws Exception {
        try (var t = new TestServer()) {
            var recorded = new java.util.concurrent.CompletableFuture<Path>();
            t.server.recordCalls(dir.resolve("rec"), false, (call, file) -> recorded.complete(file));
            Pcap.tone(1000, 8000, 2.0).write(dir.resolve("audio.pcap"));
            var r = Sipp.run("uac_call.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            var probe = t.handler.only();
            assertThat(probe.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(probe.call.clinicId()).isEqualTo("westbury");
            assertThat(probe.call.clinic().customerId()).isEqualTo("westbury");
            assertThat(probe.call.callerNumber()).isEqualTo("+447700900123");
            assertThat(probe.call.dialledNumber()).isEqualTo("+441632960001");
            assertThat(t.lookups).containsExactly("westbury");
            // 2 s of tone were sent: nearly all of its 100 frames arrive loud
            assertThat(probe.loudFramesIn).isBetween(85, 110);
            t.awaitIdle();
            assertThat(t.server.activeCalls()).isZero();
            assertThat(t.ports.inUse()).isZero();
            var rec = dev.vocadent.telephony.recording.OggOpusFile.read(recorded.get(5, TimeUnit.SECONDS));
            double seconds = rec.decodedSamplesPerChannel / 8000.0;
            assertThat(seconds).isBetween(2.5, 4.5); // the call lasted about 3 s
            assertThat(rec.rms).isGreaterThan(2000); // caller tone + agent tone
            assertThat(rec.lastPageEos).isTrue();
        }
    }
}
