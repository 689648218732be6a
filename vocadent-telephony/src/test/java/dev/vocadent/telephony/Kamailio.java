package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** deploy/kamailio/kamailio.cfg run on 127.0.0.1 in front of the given worker ports (1 s OPTIONS probes). */
final class Kamailio implements AutoCloseable {
    final int port;
    private final Process process;
    private final Path out;

    private Kamailio(int port, Process process, Path out) {
        this.port = port;
        this.process = process;
        this.out = out;
    }

    static void require() {
        boolean have = Files.isExecutable(Path.of("/usr/sbin/kamailio"));
        if (!have && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("kamailio missing in CI: .ci/run installs it");
        }
        assumeTrue(have, "kamailio not installed (apt-get install kamailio)");
    }

    static Kamailio start(Path dir, List<Integer> workerPorts) throws IOException, InterruptedException {
        StringBuilder list = new StringBuilder();
        for (int p : workerPorts) {
            list.append("1 sip:127.0.0.1:").append(p).append('\n');
        }
        Path listFile = dir.resolve("dispatcher.list");
        Files.writeString(listFile, list);
        String cfg = Files.readString(Path.of("../deploy/kamailio/kamailio.cfg"), StandardCharsets.UTF_8)
                .replace("/etc/kamailio/dispatcher.list", listFile.toString())
                .replace("ds_ping_interval\", 5", "ds_ping_interval\", 1");
        Path cfgFile = dir.resolve("kamailio.cfg");
        Files.writeString(cfgFile, cfg);
        int port = Sipp.freeUdpPort();
        Path out = dir.resolve("kamailio.out");
        Process kam = new ProcessBuilder("kamailio", "-f", cfgFile.toString(), "-l", "udp:127.0.0.1:" + port,
                "-DD", "-E", "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-w", dir.toString(),
                "-m", "32", "-M", "4")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Kamailio k = new Kamailio(port, kam, out);
        Thread.sleep(1500);
        assertThat(kam.isAlive()).as(k.output()).isTrue();
        return k;
    }

    String output() throws IOException {
        return Files.readString(out);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
