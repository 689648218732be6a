package dev.vocadent.telephony;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the sipp scenarios of src/test/resources/sipp against a server on 127.0.0.1. */
final class Sipp {
    private Sipp() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/sipp")) || Files.isExecutable(Path.of("/usr/local/bin/sipp"));
    }

    /** Result of one sipp run. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static Process start(String scenario, int serverPort, Path workDir, String service, String... extra) throws IOException {
        Path sf = Path.of("src/test/resources/sipp", scenario).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of("sipp", "127.0.0.1:" + serverPort, "-sf", sf.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()), "-mi", "127.0.0.1",
                "-mp", Integer.toString(freeEvenUdpPort()), "-nostdin", "-timeout", "30s",
                "-timeout_error", "-s", service, "-trace_err", "-trace_msg", "-max_recv_loops", "1000"));
        List<String> more = List.of(extra);
        if (!more.contains("-m")) {
            cmd.addAll(List.of("-m", "1", "-l", "1"));
        }
        cmd.addAll(more);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sipp-" + scenario + ".out").toFile());
        return pb.start();
    }

    static Result run(String scenario, int serverPort, Path workDir, String service, String... extra) throws Exception {
        Process p = start(scenario, serverPort, workDir, service, extra);
        return finish(p, scenario, workDir);
    }

    static Result finish(Process p, String scenario, Path workDir) throws Exception {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sipp " + scenario + " did not finish");
        }
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(workDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log")
                    || f.getFileName().toString().endsWith(".out")).sorted().toList()) {
                out.append("== ").append(f.getFileName()).append('\n');
                String s = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                out.append(s.length() > 6000 ? s.substring(s.length() - 6000) : s).append('\n');
            }
        }
        return new Result(p.exitValue(), out.toString());
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** An even port whose odd neighbour is free too (sipp's media port and its RTCP). */
    static int freeEvenUdpPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = freeUdpPort() & ~1;
            try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
                 DatagramSocket b = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p + 1));
                 DatagramSocket c = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p + 2));
                 DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p + 3))) {
                return p;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free even UDP port");
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
