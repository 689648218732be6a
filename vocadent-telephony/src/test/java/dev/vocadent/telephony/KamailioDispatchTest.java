package dev.vocadent.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/kamailio in front of two `sip` workers: round-robin, and a hung worker taken out of rotation. */
class KamailioDispatchTest {
    @TempDir
    Path dir;

    @Test
    void twentyCallsAreSpreadOverTwoWorkers() throws Exception {
        Kamailio.require();
        SippCheck.require();
        try (var a = new TestServer(20, 30_000, 0); var b = new TestServer(20, 30_000, 0);
             var kam = Kamailio.start(dir, List.of(a.port(), b.port()))) {
            Path work = Files.createDirectories(dir.resolve("sipp"));
            Pcap.tone(1000, 8000, 0.5).write(work.resolve("audio.pcap"));
            var r = Sipp.run("uac_call.xml", kam.port, work, "+441632960001", "-m", "20", "-r", "10", "-l", "20");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(a.handler.probes.size() + b.handler.probes.size()).isEqualTo(20);
            assertThat(a.handler.probes.size()).isBetween(7, 13);
            assertThat(b.handler.probes.size()).isBetween(7, 13);
            for (var t : new TestServer[] {a, b}) {
                assertCallsEndedCleanly(t);
            }
        }
    }

    /**
     * Worker b stops: its port then swallows everything and answers nothing (a hung worker). Once
     * Kamailio's OPTIONS probe to it has timed out (fr_timer 2 s), b is out of rotation: every call
     * goes to a and not one INVITE reaches b, while b keeps being probed (so it can come back).
     */
    @Test
    void aWorkerThatStopsAnsweringOptionsIsTakenOutOfRotation() throws Exception {
        Kamailio.require();
        SippCheck.require();
        try (var a = new TestServer(20, 30_000, 0)) {
            var b = new TestServer(20, 30_000, 0);
            int bPort = b.port();
            try (var kam = Kamailio.start(dir, List.of(a.port(), bPort))) {
                b.close();
                try (var hung = new SilentWorker(bPort)) {
                    // probes every 1 s; the first unanswered one times out after 2 s → inactive.
                    // Five probes seen = more than 3 s since the first: it has timed out.
                    hung.awaitOptions(5, Duration.ofSeconds(30));
                    Path work = Files.createDirectories(dir.resolve("sipp"));
                    Pcap.tone(1000, 8000, 0.5).write(work.resolve("audio.pcap"));
                    var r = Sipp.run("uac_call.xml", kam.port, work, "+441632960001", "-m", "10", "-r", "10", "-l", "10");
                    assertThat(r.ok()).as(r.output()).isTrue();
                    assertThat(a.handler.probes).hasSize(10);
                    assertThat(hung.invites()).as("INVITEs sent to the hung worker").isZero();
                    assertThat(hung.options()).isGreaterThan(5);
                    assertCallsEndedCleanly(a);
                }
            } finally {
                b.close();
            }
        }
    }

    private static void assertCallsEndedCleanly(TestServer t) throws Exception {
        for (var p : t.handler.probes) {
            assertThat(p.ended.get(5, TimeUnit.SECONDS)).isEqualTo(EndReason.CALLER_HUNG_UP);
            assertThat(p.loudFramesIn).isGreaterThan(15);
        }
        t.awaitIdle();
        assertThat(t.ports.inUse()).isZero();
    }

    /** A UDP port that reads SIP requests, counts them by method and never answers. */
    static final class SilentWorker implements AutoCloseable {
        private final DatagramSocket socket;
        private final AtomicInteger options = new AtomicInteger();
        private final AtomicInteger invites = new AtomicInteger();
        private final Thread reader;

        SilentWorker(int port) throws IOException {
            socket = new DatagramSocket(null);
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            reader = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[65535];
                while (!socket.isClosed()) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (IOException closed) {
                        return;
                    }
                    String start = new String(p.getData(), 0, Math.min(p.getLength(), 16), StandardCharsets.US_ASCII);
                    if (start.startsWith("OPTIONS ")) {
                        options.incrementAndGet();
                    } else if (start.startsWith("INVITE ")) {
                        invites.incrementAndGet();
                    }
                }
            });
        }

        int options() {
            return options.get();
        }

        int invites() {
            return invites.get();
        }

        void awaitOptions(int n, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (options.get() < n) {
                assertThat(System.nanoTime()).as("OPTIONS probes seen: " + options.get()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            reader.join(2000);
        }
    }
}
