package dev.vocadent.bench.sip;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's RTP as it leaves on the loopback wire: {@code tcpdump -i lo} capturing UDP packets
 * from the server's RTP range to sipp's media port (headers and the first 42 payload bytes), then a pcap reader feeding each RTP
 * audio packet (PCMU/PCMA, version 2) into {@link RtpTiming}. Timestamps are the kernel's capture
 * times, so the figures include every delay in the JVM and the socket layer up to the wire.
 */
final class WireCapture implements AutoCloseable {
    private final Path file;
    private final Path log;
    private final Process tcpdump;

    private WireCapture(Path file, Path log, Process tcpdump) {
        this.file = file;
        this.log = log;
        this.tcpdump = tcpdump;
    }

    /** Starts tcpdump for UDP from {@code portFrom..portTo} to {@code toPort} and waits until it listens. */
    static WireCapture start(Path dir, int portFrom, int portTo, int toPort) throws IOException, InterruptedException {
        Path file = dir.resolve("agent-rtp.pcap");
        Path log = dir.resolve("tcpdump.log");
        Process p = new ProcessBuilder("tcpdump", "-i", "lo", "-n", "-s", "96", "-B", "32768", "-Z", "root",
                "-w", file.toString(), "udp and src portrange " + portFrom + "-" + portTo + " and dst port " + toPort)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("tcpdump exited: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("listening on")) {
                return new WireCapture(file, log, p);
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("tcpdump did not start listening");
    }

    ProcessHandle handle() {
        return tcpdump.toHandle();
    }

    /** Stops the capture (SIGTERM: tcpdump flushes and prints its counts). */
    @Override
    public void close() throws InterruptedException {
        if (tcpdump.isAlive()) {
            tcpdump.destroy();
            if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) {
                tcpdump.destroyForcibly();
            }
        }
    }

    /** Packets the kernel dropped before tcpdump saw them (-1 when not reported). */
    long droppedByKernel() throws IOException {
        Matcher m = Pattern.compile("(\\d+) packets dropped by kernel").matcher(Files.readString(log));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Reads the capture. */
    RtpTiming analyse() throws IOException {
        return read(file);
    }

    /** RTP audio packets of a pcap (Ethernet or Linux cooked link layer, IPv4/UDP), one stream per source port and SSRC. */
    static RtpTiming read(Path pcap) throws IOException {
        RtpTiming timing = new RtpTiming();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(pcap), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            byte[] gh = in.readNBytes(24);
            if (gh.length < 24) {
                return timing;
            }
            ByteBuffer g = ByteBuffer.wrap(gh).order(ByteOrder.LITTLE_ENDIAN);
            int magic = g.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                g.order(ByteOrder.BIG_ENDIAN);
                magic = g.getInt(0);
            }
            boolean nanos = magic == 0xa1b23c4d;
            if (magic != 0xa1b2c3d4 && !nanos) {
                throw new IOException("not a pcap file: " + pcap);
            }
            int link = g.getInt(20);
            int linkHeader = link == 1 ? 14 : link == 113 ? 16 : -1;
            if (linkHeader < 0) {
                throw new IOException("unsupported pcap link type " + link);
            }
            byte[] rh = new byte[16];
            while (true) {
                try {
                    in.readFully(rh);
                } catch (EOFException end) {
                    break;
                }
                ByteBuffer r = ByteBuffer.wrap(rh).order(g.order());
                long micros = (r.getInt(0) & 0xffffffffL) * 1_000_000L + (nanos ? r.getInt(4) / 1000 : r.getInt(4));
                int caplen = r.getInt(8);
                byte[] pkt = in.readNBytes(caplen);
                packet(timing, micros, ByteBuffer.wrap(pkt), linkHeader);
            }
        }
        return timing;
    }

    private static void packet(RtpTiming timing, long micros, ByteBuffer b, int ip) {
        if (b.limit() < ip + 20 || (b.get(ip) >> 4) != 4 || b.get(ip + 9) != 17) {
            return;
        }
        int udp = ip + (b.get(ip) & 0x0f) * 4;
        int rtp = udp + 8;
        if (b.limit() < rtp + 12 || ((b.get(rtp) & 0xc0) != 0x80)) {
            return;
        }
        int pt = b.get(rtp + 1) & 0x7f;
        if (pt != 0 && pt != 8) {
            return; // RTCP (200-204 & 0x7f) or DTMF events
        }
        int srcPort = b.getShort(udp) & 0xffff;
        long ssrc = b.getInt(rtp + 8) & 0xffffffffL;
        boolean speech = false;
        for (int i = rtp + 12; i < b.limit() && !speech; i++) {
            int v = b.get(i) & 0xff;
            speech = pt == 0 ? v != 0xff && v != 0x7f : v != 0xd5 && v != 0x55;
        }
        timing.packet(((long) srcPort << 32) | ssrc, micros, b.getShort(rtp + 2) & 0xffff, b.getInt(rtp + 4) & 0xffffffffL,
                speech);
    }
}
