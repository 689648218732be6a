package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/kamailio spreads 20 sipp calls over two `sip` workers; both take a fair share. */
class KamailioDispatchTest {
    @TempDir
    Path dir;

    @Test
    void twentyCallsAreSpreadOverTwoWorkers() throws Exception {
        boolean have = Files.isExecutable(Path.of("/usr/sbin/kamailio"));
        if (!have && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("kamailio missing in CI: .ci/run installs it");
        }
        assumeTrue(have, "kamailio not installed (apt-get install kamailio)");
        SippCheck.require();
        try (var a = new TestServer(20, 30_000, 0); var b = new TestServer(20, 30_000, 0)) {
            Path list = dir.resolve("dispatcher.list");
            Files.writeString(list, "1 sip:127.0.0.1:" + a.port() + "\n1 sip:127.0.0.1:" + b.port() + "\n");
            String cfg = Files.readString(Path.of("../deploy/kamailio/kamailio.cfg"), StandardCharsets.UTF_8)
                    .replace("/etc/kamailio/dispatcher.list", list.toString())
                    .replace("ds_ping_interval\", 5", "ds_ping_interval\", 1");
            Path cfgFile = dir.resolve("kamailio.cfg");
            Files.writeString(cfgFile, cfg);
            int port = Sipp.freeUdpPort();
            Process kam = new ProcessBuilder("kamailio", "-f", cfgFile.toString(), "-l", "udp:127.0.0.1:" + port,
                    "-DD", "-E", "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-w", dir.toString(),
                    "-m", "32", "-M", "4")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("kamailio.out").toFile()).start();
            try {
                Thread.sleep(1500);
                assertThat(kam.isAlive()).as(Files.readString(dir.resolve("kamailio.out"))).isTrue();
                Path work = Files.createDirectories(dir.resolve("sipp"));
                Pcap.tone(1000, 8000, 0.5).write(work.resolve("audio.pcap"));
                var r = Sipp.run("uac_call.xml", port, work, "+441632960001", "-m", "20", "-r", "10", "-l", "20");
                assertThat(r.ok()).as(r.output()).isTrue();
                assertThat(a.handler.probes.size() + b.handler.probes.size()).isEqualTo(20);
                assertThat(a.handler.probes.size()).isBetween(7, 13);
                assertThat(b.handler.probes.size()).isBetween(7, 13);
                for (var t : new TestServer[] {a, b}) {
                    for (var p : t.handler.probes) {
                        assertThat(p.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
                        assertThat(p.loudFramesIn).isGreaterThan(15);
                    }
                    t.awaitIdle();
                    assertThat(t.ports.inUse()).isZero();
                }
            } finally {
                kam.destroy();
                if (!kam.waitFor(5, TimeUnit.SECONDS)) {
                    kam.destroyForcibly();
                }
            }
        }
    }
}
