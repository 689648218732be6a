package dev.vocadent.bench.sip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SIP load bench (issue #6): sipp calls over loopback into the real SIP server answered by the voice
 * agent (real Silero VAD, instant fake STT/brain/TTS), the agent's RTP captured on the wire.
 *
 * <pre>
 * SipLoadBench load [--calls 100] [--seconds 60] [--rate 10] [--rtp-ports 30000-31999]
 * SipLoadBench soak [--calls 1000] [--concurrent 50] [--call-seconds 4] [--warmup 100]
 *                   [--settle-seconds 40] [--heap-mb 10] [--threads 4] [--fds 4] [--nmt-mb 32] [--rss-mb 64]
 * </pre>
 * Prints a markdown table on stdout. {@code soak} exits 1 when a resource grew beyond its tolerance,
 * 2 when calls failed; {@code load} exits 2 when calls failed (the jitter verdict is printed only).
 */
public final class SipLoadBench {
    private final Map<String, String> options = new HashMap<>();

    private SipLoadBench(String[] args) {
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("load") || args[0].equals("soak"))) {
            System.err.println("usage: SipLoadBench load|soak [--option value]… (see the class comment)");
            System.exit(64);
        }
        SipLoadBench bench = new SipLoadBench(args);
        int code = args[0].equals("load") ? bench.load() : bench.soak();
        System.out.flush();
        System.exit(code);
    }

    private int intOption(String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    private double doubleOption(String name, double fallback) {
        return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
    }

    private int[] rtpPorts() {
        String[] r = options.getOrDefault("rtp-ports", "30000-31999").split("-");
        return new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])};
    }

    private Path workDir(String mode) throws Exception {
        Path dir = Path.of(options.getOrDefault("work-dir", "bench/target/sip-load"), mode + "-" + System.currentTimeMillis());
        Files.createDirectories(dir);
        return dir;
    }

    private int load() throws Exception {
        int calls = intOption("calls", 100);
        int seconds = intOption("seconds", 60);
        double rate = doubleOption("rate", 10);
        int[] ports = rtpPorts();
        Path dir = workDir("load");
        short[] cycle = CallerPcap.speechCycle();
        CallerPcap.write(cycle, seconds + 2, dir.resolve("caller.pcap"));
        String loadBefore = loadAverage();
        log("machine load before: " + loadBefore + "; timer control 5 s …");
        long[] control = TimerControl.measure(5);
        try (BenchAgent agent = new BenchAgent(ports[0], ports[1], calls + 10)) {
            warmUp(agent, dir, Math.min(10, calls), 3000);
            log("load: %d calls × %d s at %.1f/s, work dir %s".formatted(calls, seconds, rate, dir));
            SippRun sipp = new SippRun(dir, agent.port(), calls, calls, rate, seconds * 1000L);
            WireCapture capture = WireCapture.start(dir, ports[0], ports[1], sipp.mediaPort());
            CpuSampler cpu = new CpuSampler();
            long vad0 = agent.vadWindows();
            long turns0 = agent.callerTurns();
            sipp.start();
            cpu.follow("sipp", sipp.handle());
            cpu.follow("tcpdump", capture.handle());
            String loadDuring = null;
            long end = System.nanoTime() + (long) ((calls / rate + seconds / 2.0) * 1e9);
            while (System.nanoTime() < end && sipp.handle().isAlive()) {
                Thread.sleep(200);
            }
            loadDuring = loadAverage();
            int exit = sipp.await((long) (calls / rate + seconds + 120) * 1000);
            boolean idle = agent.awaitIdle(20_000);
            capture.close();
            cpu.close();
            long[] sf = sipp.successfulFailedRetransmissions();
            RtpTiming.Result wire = capture.analyse().result();
            RtpTiming.Figures f = wire.fullLoad() != null ? wire.fullLoad() : wire.all();
            double cores = wire.fullLoad() != null ? cpu.cpuCoresBetween(wire.windowFrom(), wire.windowTo())
                    : cpu.cpuCoresBetween(wire.firstMicros(), wire.lastMicros());
            double callSeconds = wire.all().intervals() * 0.020;
            long vadWindows = agent.vadWindows() - vad0;

            StringBuilder md = new StringBuilder();
            md.append("### SIP load: %d calls × %d s (%s)%n%n".formatted(calls, seconds, Instant.now()));
            md.append("Machine: %d cores; load average (1/5/15 min) before %s, during %s; timer control (idle, 5 s) lateness p50 %s, p99 %s, max %s.%n%n"
                    .formatted(Runtime.getRuntime().availableProcessors(), loadBefore, loadDuring, ms(control[0]), ms(control[1]), ms(control[2])));
            md.append("sipp: `").append(sipp.commandLine()).append("`\n\n");
            md.append("| figure | value | target |\n|---|---|---|\n");
            row(md, "calls: successful / failed (sipp)", sf[0] + " / " + sf[1] + " (exit " + exit + "; SIP retransmissions "
                    + sf[2] + ")", "0 failed",
                    sf[1] == 0 && sf[0] == calls);
            row(md, "agent RTP streams seen / most at once", wire.streams() + " / " + wire.maxConcurrent(), calls + " at once",
                    wire.maxConcurrent() >= calls);
            md.append("| full-load window (every stream running) | %s |  |%n".formatted(wire.fullLoad() == null ? "none (whole run used)"
                    : "%.1f s".formatted(wire.windowSeconds())));
            row(md, "server process CPU in that window", "%.1f %% of one core = %.2f %% per call"
                    .formatted(cores * 100, cores * 100 / Math.max(1, wire.maxConcurrent())), "fits 2 cores", cores < 2);
            md.append("| sipp / tcpdump CPU over the whole run | %.1f s / %.1f s |  |%n".formatted(
                    cpu.cpuOf("sipp").toMillis() / 1000.0, cpu.cpuOf("tcpdump").toMillis() / 1000.0));
            row(md, "agent RTP send jitter (\\|interval − 20 ms\\|, on the wire) in the window",
                    "p50 %s, **p99 %s**, max %s over %,d intervals".formatted(ms(f.p50Micros()), ms(f.p99Micros()),
                            ms(f.maxMicros()), f.intervals()), "p99 ≤ 5 ms", f.p99Micros() <= 5000);
            row(md, "late packets (interval > 40 ms) in the window", "%,d (%.3f %%)".formatted(f.late(),
                    100.0 * f.late() / Math.max(1, f.intervals())), "", f.late() == 0);
            md.append("| of which in stalls (≥ ¼ of the calls late in the same 20 ms) | %,d in %d stall(s) |  |%n"
                    .formatted(f.lateInStalls(), f.stalls()));
            md.append("| missing (sequence gaps) / skipped ticks / reordered, whole run | %d / %d / %d |  |%n"
                    .formatted(wire.all().missing(), wire.all().skippedTicks(), wire.all().reordered()));
            md.append("| whole run (ramp included): jitter p50 / p99 / max, late | %s / %s / %s, %,d of %,d |  |%n".formatted(
                    ms(wire.all().p50Micros()), ms(wire.all().p99Micros()), ms(wire.all().maxMicros()), wire.all().late(),
                    wire.all().intervals()));
            md.append("| packets dropped by the capture (kernel) | %d |  |%n".formatted(capture.droppedByKernel()));
            md.append("| INVITE → 200 OK / BYE → 200 OK (sipp rtd) | %s / %s |  |%n".formatted(quantiles(sipp.responseMillis(1)),
                    quantiles(sipp.responseMillis(2))));
            md.append("| VAD windows run / due (32 ms of call audio each) | %,d / %,d (%.0f %%) |  |%n".formatted(vadWindows,
                    (long) (callSeconds / 0.032), 100.0 * vadWindows / Math.max(1, callSeconds / 0.032)));
            md.append("| caller turns recognised → answered (VAD → STT → brain → TTS) | %,d |  |%n".formatted(agent.callerTurns() - turns0));
            md.append("| agent packets carrying speech (greeting, answers) | %,d of %,d (%.0f %%) |  |%n".formatted(wire.voicedPackets(),
                    wire.packets(), 100.0 * wire.voicedPackets() / Math.max(1, wire.packets())));
            md.append("| server idle afterwards (no call, no RTP port held) | %s |  |%n".formatted(idle ? "yes" : "**no**"));
            System.out.println(md);
            if (exit != 0 || sf[1] != 0) {
                log("sipp output tail:\n" + sipp.outputTail());
                return 2;
            }
            return 0;
        }
    }

    private int soak() throws Exception {
        int calls = intOption("calls", 1000);
        int concurrent = intOption("concurrent", 50);
        int callSeconds = intOption("call-seconds", 4);
        int warmup = intOption("warmup", 100);
        int[] ports = rtpPorts();
        Path dir = workDir("soak");
        CallerPcap.write(CallerPcap.speechCycle(), callSeconds + 1, dir.resolve("caller.pcap"));
        String loadBefore = loadAverage();
        try (BenchAgent agent = new BenchAgent(ports[0], ports[1], concurrent + 10)) {
            warmUp(agent, dir, warmup, callSeconds * 1000L);
            Thread.sleep(intOption("settle-seconds", 40) * 1000L);
            ResourceSnapshot base = ResourceSnapshot.take();
            log("soak baseline: heap %d B, threads %d/%d, fds %d, RSS %d KB, NMT %d KB".formatted(base.heapUsedBytes(),
                    base.javaThreads(), base.osThreads(), base.openFds(), base.rssKb(), base.nmtTotalKb()));
            SippRun sipp = new SippRun(dir, agent.port(), calls, concurrent, concurrent, callSeconds * 1000L);
            long t0 = System.nanoTime();
            sipp.start();
            int exit = sipp.await((long) calls * (callSeconds + 5) * 1000 / concurrent + 120_000);
            double wall = (System.nanoTime() - t0) / 1e9;
            boolean idle = agent.awaitIdle(30_000);
            // SIP keeps a finished transaction for 64 × T1 = 32 s (RFC 3261 timers J and K) to absorb retransmissions,
            // so what the last calls hold is only released after that; wait it out before comparing
            int settle = intOption("settle-seconds", 40);
            log("settling %d s (SIP transaction timers) …".formatted(settle));
            Thread.sleep(settle * 1000L);
            ResourceSnapshot after = ResourceSnapshot.take();
            log("soak after: heap %d B, threads %d/%d, fds %d, RSS %d KB, NMT %d KB".formatted(after.heapUsedBytes(),
                    after.javaThreads(), after.osThreads(), after.openFds(), after.rssKb(), after.nmtTotalKb()));
            long[] sf = sipp.successfulFailedRetransmissions();
            String loadAfter = loadAverage();

            StringBuilder md = new StringBuilder();
            md.append("### SIP soak: %d calls, %d at a time, %d s each (%s)%n%n".formatted(calls, concurrent, callSeconds, Instant.now()));
            md.append("Machine: %d cores; load average before %s, after %s. Baseline taken after %d warm-up calls; "
                    .formatted(Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, warmup)
                    + "each snapshot %d s after the last call ended (SIP transaction timers) and after 3 × System.gc().\n\n"
                    .formatted(intOption("settle-seconds", 40)));
            md.append("sipp: `").append(sipp.commandLine()).append("` (%.0f s)%n%n".formatted(wall));
            md.append("| resource | baseline | after | growth | tolerance | verdict |\n|---|---:|---:|---:|---:|---|\n");
            boolean leak = false;
            leak |= compare(md, "heap used after GC (MB)", base.heapUsedBytes() / 1048576.0, after.heapUsedBytes() / 1048576.0,
                    doubleOption("heap-mb", 10));
            leak |= compare(md, "Java threads (platform)", base.javaThreads(), after.javaThreads(), intOption("threads", 4));
            leak |= compare(md, "OS threads (/proc/self/task)", base.osThreads(), after.osThreads(), intOption("threads", 4));
            leak |= compare(md, "open file descriptors", base.openFds(), after.openFds(), intOption("fds", 4));
            leak |= compare(md, "NMT committed outside the heap (MB)", base.nmtNonHeapKb() / 1024.0, after.nmtNonHeapKb() / 1024.0,
                    doubleOption("nmt-mb", 32));
            md.append("| NMT committed total (MB) | %.1f | %.1f | %+.1f | | info |%n".formatted(base.nmtTotalKb() / 1024.0,
                    after.nmtTotalKb() / 1024.0, (after.nmtTotalKb() - base.nmtTotalKb()) / 1024.0));
            leak |= compare(md, "resident memory (MB)", base.rssKb() / 1024.0, after.rssKb() / 1024.0, doubleOption("rss-mb", 64));
            md.append("| calls active / RTP ports held afterwards | | %d / %d | | 0 / 0 | %s |%n".formatted(agent.server.activeCalls(),
                    agent.ports.inUse(), idle ? "ok" : "**LEAK**"));
            md.append("| calls successful / failed (sipp; SIP retransmissions %d) | | %d / %d | | 0 failed | %s |%n".formatted(sf[2], sf[0], sf[1],
                    sf[1] == 0 && exit == 0 ? "ok" : "**FAILED**"));
            md.append("| INVITE → 200 OK / BYE → 200 OK (sipp rtd) | | %s / %s | | | info |%n".formatted(
                    quantiles(sipp.responseMillis(1)), quantiles(sipp.responseMillis(2))));
            md.append("\nNMT categories that grew most (committed KB): ")
                    .append(topGrowth(base.nmtCommittedKb(), after.nmtCommittedKb(), 1)).append("\n\n");
            md.append("Live heap by class, most grown (KB): ")
                    .append(topGrowth(base.heapBytesByClass(), after.heapBytesByClass(), 1024)).append("\n");
            System.out.println(md);
            if (leak || !idle) {
                return 1;
            }
            if (exit != 0 || sf[1] != 0) {
                log("sipp output tail:\n" + sipp.outputTail());
                return 2;
            }
            return 0;
        }
    }

    /** A few short calls first, so class loading, JIT and pools are warm before anything is measured. */
    private static void warmUp(BenchAgent agent, Path dir, int calls, long callMillis) throws Exception {
        if (calls <= 0) {
            return;
        }
        Path w = dir.resolve("warmup");
        Files.createDirectories(w);
        Files.copy(dir.resolve("caller.pcap"), w.resolve("caller.pcap"));
        SippRun sipp = new SippRun(w, agent.port(), calls, Math.min(calls, 50), 50, callMillis);
        log("warm-up: %d calls".formatted(calls));
        sipp.start();
        int exit = sipp.await(calls * (callMillis + 5000) + 60_000);
        if (exit != 0) {
            log("warm-up sipp exit " + exit + ":\n" + sipp.outputTail());
        }
        agent.awaitIdle(30_000);
    }

    private static boolean compare(StringBuilder md, String name, double base, double after, double tolerance) {
        boolean leak = after - base > tolerance;
        boolean whole = base == Math.rint(base) && after == Math.rint(after);
        String fmt = whole ? "| %s | %.0f | %.0f | %+.0f | %.0f | %s |%n" : "| %s | %.1f | %.1f | %+.1f | %.1f | %s |%n";
        md.append(fmt.formatted(name, base, after, after - base, tolerance, leak ? "**LEAK**" : "ok"));
        return leak;
    }

    /** The five entries that grew most, "name +n" (values divided by {@code unit}). */
    private static String topGrowth(Map<String, Long> base, Map<String, Long> after, long unit) {
        StringBuilder s = new StringBuilder();
        after.entrySet().stream()
                .filter(e -> !e.getKey().equals("Total"))
                .sorted((a, b) -> Long.compare(b.getValue() - base.getOrDefault(b.getKey(), 0L),
                        a.getValue() - base.getOrDefault(a.getKey(), 0L)))
                .limit(5)
                .forEach(e -> s.append(s.isEmpty() ? "" : ", ").append('`').append(e.getKey()).append('`')
                        .append(" %+d".formatted((e.getValue() - base.getOrDefault(e.getKey(), 0L)) / unit)));
        return s.isEmpty() ? "(none: NMT needs -XX:NativeMemoryTracking=summary)" : s.toString();
    }

    private static void row(StringBuilder md, String name, String value, String target, boolean met) {
        md.append("| %s | %s | %s |%n".formatted(name, value, target.isEmpty() ? "" : target + (met ? " — met" : " — **not met**")));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static String quantiles(double[] sorted) {
        if (sorted.length == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d calls)", sorted[sorted.length / 2],
                sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)], sorted[sorted.length - 1], sorted.length);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void log(String s) {
        System.err.println("[sip-bench] " + s);
    }
}
