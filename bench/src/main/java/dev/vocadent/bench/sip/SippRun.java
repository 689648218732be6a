package dev.vocadent.bench.sip;

import dev.vocadent.telephony.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One sipp run of {@code uac_speech.xml} against the bench server: {@code calls} calls, at most
 * {@code concurrent} at once, started at {@code rate} a second, each lasting {@code callMillis} after
 * the ACK while sipp plays {@code caller.pcap}. Statistics come from sipp's own files
 * ({@code -trace_stat}, {@code -trace_rtt}) in the work directory.
 */
final class SippRun {
    private final Path dir;
    private final List<String> command;
    private final int mediaPort;
    private Process process;

    SippRun(Path dir, int serverPort, int calls, int concurrent, double rate, long callMillis) throws IOException {
        this.dir = dir;
        Path scenario = dir.resolve("uac_speech.xml");
        try (InputStream in = SippRun.class.getResourceAsStream("/sipp/uac_speech.xml")) {
            Files.copy(in, scenario, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        mediaPort = Sipp.freeEvenUdpPort();
        long timeout = callMillis / 1000 + 120L * Math.max(1, calls / Math.max(1, concurrent));
        command = List.of("sipp", "127.0.0.1:" + serverPort, "-sf", scenario.getFileName().toString(),
                "-s", BenchAgent.DIALLED, "-i", "127.0.0.1", "-p", Integer.toString(Sipp.freeUdpPort()),
                "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort),
                "-m", Integer.toString(calls), "-l", Integer.toString(concurrent), "-r", String.format(java.util.Locale.ROOT, "%.1f", rate),
                "-d", Long.toString(callMillis), "-nostdin", "-timeout", timeout + "s", "-timeout_error",
                "-trace_stat", "-stf", "stats.csv", "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-trace_err",
                "-max_recv_loops", "1000");
    }

    /** sipp's RTP port: where the agent's RTP goes. */
    int mediaPort() {
        return mediaPort;
    }

    /** The command line, for the report. */
    String commandLine() {
        return String.join(" ", command);
    }

    void start() throws IOException {
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for sipp to finish; returns its exit code (0: every call succeeded, 1: some failed). */
    int await(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** Successful calls, failed calls and SIP retransmissions from sipp's last statistics line (-1 when absent). */
    long[] successfulFailedRetransmissions() throws IOException {
        Path csv = dir.resolve("stats.csv");
        if (!Files.exists(csv)) {
            return new long[] {-1, -1, -1};
        }
        List<String> lines = Files.readAllLines(csv, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> head = Arrays.asList(lines.getFirst().split(";"));
        String[] last = lines.getLast().split(";");
        long[] out = new long[3];
        String[] columns = {"SuccessfulCall(C)", "FailedCall(C)", "Retransmissions(C)"};
        for (int i = 0; i < columns.length; i++) {
            int at = head.indexOf(columns[i]);
            out[i] = at < 0 || at >= last.length ? -1 : Long.parseLong(last[at].trim());
        }
        return out;
    }

    /** Response times (ms) of every call for response-time measure {@code rtd} (1: INVITE → 200, 2: BYE → 200), sorted. */
    double[] responseMillis(int rtd) throws IOException {
        List<Double> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("_rtt.csv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] c = line.split(";");
                    if (c.length >= 3 && c[2].trim().equals(Integer.toString(rtd))) {
                        try {
                            out.add(Double.parseDouble(c[1].trim()));
                        } catch (NumberFormatException header) {
                            // not a data line
                        }
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The tail of sipp's output (errors), for the log when it fails. */
    String outputTail() throws IOException {
        String s = Files.readString(dir.resolve("sipp.out"), java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }
}
