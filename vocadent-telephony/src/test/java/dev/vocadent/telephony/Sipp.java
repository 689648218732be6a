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
public final class Sipp {
    private Sipp() {}

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/sipp")) || Files.isExecutable(Path.of("/usr/local/bin/sipp"));
    }

    /** Result of one sipp run. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Global sipp timeout unless {@code extra} sets {@code -timeout} itself. */
    static final String DEFAULT_TIMEOUT = "30s";

    public static Process start(String scenario, int serverPort, Path workDir, String service, String... extra) throws IOException {
        Path sf = scenario(scenario, workDir);
        List<String> more = List.of(extra);
        List<String> cmd = new ArrayList<>(List.of("sipp", "127.0.0.1:" + serverPort, "-sf", sf.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()), "-mi", "127.0.0.1",
                "-mp", Integer.toString(freeEvenUdpPort()), "-nostdin", "-timeout",
                more.contains("-timeout") ? more.get(more.indexOf("-timeout") + 1) : DEFAULT_TIMEOUT,
                "-timeout_error", "-s", service, "-trace_err", "-trace_msg", "-max_recv_loops", "1000"));
        if (!more.contains("-m")) {
            cmd.addAll(List.of("-m", "1", "-l", "1"));
        }
        for (int i = 0; i < more.size(); i++) {
            if (more.get(i).equals("-timeout")) {
                i++;
            } else {
                cmd.add(more.get(i));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sipp-" + scenario + ".out").toFile());
        return pb.start();
    }

    /**
     * The scenario file: this module's src/test/resources/sipp when run from it, else (other modules'
     * tests, through the test-jar) the classpath resource {@code sipp/<name>} copied into {@code workDir}.
     */
    static Path scenario(String name, Path workDir) throws IOException {
        Path local = Path.of("src/test/resources/sipp", name).toAbsolutePath();
        if (Files.isRegularFile(local)) {
            return local;
        }
        try (var in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
            if (in == null) {
                throw new IOException("no sipp scenario " + name);
            }
            Path copy = workDir.resolve(name);
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    public static Result run(String scenario, int serverPort, Path workDir, String service, String... extra) throws Exception {
        Process p = start(scenario, serverPort, workDir, service, extra);
        return finish(p, scenario, workDir);
    }

    public static Result finish(Process p, String scenario, Path workDir) throws Exception {
        return finish(p, scenario, workDir, 60);
    }

    /** Waits at most {@code seconds} for sipp to exit, then collects its logs. */
    public static Result finish(Process p, String scenario, Path workDir, long seconds) throws Exception {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
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

    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** An even port whose next three neighbours are free too (sipp's media ports and their RTCP). */
    public static int freeEvenUdpPort() throws IOException {
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
