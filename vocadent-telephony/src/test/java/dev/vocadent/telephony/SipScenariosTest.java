package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call flows of issue 6 driven by sipp scenarios (src/test/resources/sipp). */
class SipScenariosTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needSipp() {
        SippCheck.require();
    }

    @Test
    void rfc4733DigitsAreDeliveredOnceEachWithoutMarkerBits() throws Exception {
        try (var t = new TestServer()) {
            Pcap.dtmf("19#").write(dir.resolve("audio.pcap"));
            var r = Sipp.run("uac_call.xml", t.port(), dir, "01632960002");
            assertThat(r.ok()).as(r.output()).isTrue();
            var probe = t.handler.only();
            assertThat(probe.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(probe.call.clinicId()).isEqualTo("dental2");
            assertThat(probe.digits.toString()).isEqualTo("19#");
            t.awaitIdle();
            assertThat(t.ports.inUse()).isZero();
        }
    }

    @Test
    void callOverTcpWorksToo() throws Exception {
        try (var t = new TestServer()) {
            Pcap.tone(1000, 8000, 1.0).write(dir.resolve("audio.pcap"));
            var r = Sipp.run("uac_call.xml", t.port(), dir, "+441632960001", "-t", "t1");
            assertThat(r.ok()).as(r.output()).isTrue();
            var probe = t.handler.only();
            assertThat(probe.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(probe.loudFramesIn).isBetween(40, 60);
        }
    }

    @Test
    void cancelBeforeAnswerGets487AndNeverOpensASession() throws Exception {
        try (var t = new TestServer(4, 30_000, 3_000)) {
            var r = Sipp.run("uac_cancel.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            t.awaitIdle();
            assertThat(t.lookups).containsExactly("westbury"); // lookup started at 180
            Thread.sleep(3_200); // the lookup completes after the CANCEL: nothing must answer
            assertThat(t.handler.probes).isEmpty();
            assertThat(t.server.activeCalls()).isZero();
            assertThat(t.ports.inUse()).isZero();
        }
    }

    @Test
    void unknownNumberGets404() throws Exception {
        try (var t = new TestServer()) {
            var r = Sipp.run("uac_404.xml", t.port(), dir, "+441632969999");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(t.lookups).isEmpty();
            assertThat(t.handler.probes).isEmpty();
        }
    }

    @Test
    void optionsIsAnsweredWithAllowAndAccept() throws Exception {
        try (var t = new TestServer()) {
            var r = Sipp.run("uac_options.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
        }
    }

    @Test
    void reInviteHoldAndUnholdAnswerWithTheMatchingDirection() throws Exception {
        try (var t = new TestServer()) {
            Pcap.tone(1000, 8000, 1.0).write(dir.resolve("audio.pcap"));
            var r = Sipp.run("uac_hold.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(t.handler.only().ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            t.awaitIdle();
            assertThat(t.ports.inUse()).isZero();
        }
    }

    @Test
    void atMaxCallsANewCallGets503WithRetryAfter() throws Exception {
        try (var t = new TestServer(1, 30_000, 0)) {
            Path first = dir.resolve("first");
            Path second = dir.resolve("second");
            java.nio.file.Files.createDirectories(first);
            java.nio.file.Files.createDirectories(second);
            Pcap.tone(1000, 8000, 1.0).write(first.resolve("audio.pcap"));
            Process running = Sipp.start("uac_long_call.xml", t.port(), first, "+441632960001");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (t.server.activeCalls() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            var busy = Sipp.run("uac_503.xml", t.port(), second, "+441632960001");
            assertThat(busy.ok()).as(busy.output()).isTrue();
            var r = Sipp.finish(running, "uac_long_call.xml", first);
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(t.handler.probes).hasSize(1);
        }
    }

    @Test
    void silentCallerIsHungUpWithByeAsCallerGone() throws Exception {
        try (var t = new TestServer(4, 1_500, 0)) {
            var r = Sipp.run("uac_silent.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(t.handler.only().ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_GONE);
            t.awaitIdle();
            assertThat(t.ports.inUse()).isZero();
        }
    }

    @Test
    void agentHangUpWaitsForItsLastWordsThenSendsBye() throws Exception {
        try (var t = new TestServer()) {
            Pcap.tone(1000, 8000, 4.0).write(dir.resolve("audio.pcap"));
            t.handler.speakFrames = 50;
            t.handler.onOpen = (call, control) -> control.hangUp("completed");
            long start = System.nanoTime();
            var r = Sipp.run("uac_agent_hangs_up.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            var probe = t.handler.only();
            assertThat(probe.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.AGENT_HUNG_UP);
            assertThat(probe.framesOut).isEqualTo(50); // all of the last words were played first
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void transferSucceedsWhenTheSipfragSays200() throws Exception {
        try (var t = new TestServer()) {
            Pcap.tone(1000, 8000, 1.0).write(dir.resolve("audio.pcap"));
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            t.handler.onOpen = (call, control) -> CompletableFuture.runAsync(() -> control.transfer(call.clinic().frontDeskNumber())
                    .whenComplete((ok, err) -> result.complete(ok)), CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
            var r = Sipp.run("uac_refer_ok.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(result.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(t.handler.only().ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.TRANSFERRED);
        }
    }

    @Test
    void transferFailsWhenTheSipfragSaysBusy() throws Exception {
        try (var t = new TestServer()) {
            Pcap.tone(1000, 8000, 1.0).write(dir.resolve("audio.pcap"));
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            t.handler.onOpen = (call, control) -> CompletableFuture.runAsync(() -> control.transfer(call.clinic().frontDeskNumber())
                    .whenComplete((ok, err) -> result.complete(ok)), CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
            var r = Sipp.run("uac_refer_busy.xml", t.port(), dir, "+441632960001");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(result.get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(t.handler.only().ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
        }
    }
}
