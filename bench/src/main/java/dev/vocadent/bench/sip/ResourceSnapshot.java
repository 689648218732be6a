package dev.vocadent.bench.sip;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a leak would grow, taken after garbage collection: heap in use, live Java (platform) threads,
 * OS threads of the process, open file descriptors, resident memory, and native memory as Native
 * Memory Tracking reports it ({@code jcmd <pid> VM.native_memory summary}; needs
 * {@code -XX:NativeMemoryTracking=summary}), per category, committed KB; and the live heap per class
 * ({@code jcmd <pid> GC.class_histogram}) to name what grew.
 */
record ResourceSnapshot(long heapUsedBytes, int javaThreads, int osThreads, int openFds, long rssKb,
                        Map<String, Long> nmtCommittedKb, Map<String, Long> heapBytesByClass) {
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern HISTOGRAM = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern CATEGORY = Pattern.compile("-\\s+([A-Za-z][A-Za-z &]*?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    /** Collects garbage (twice, with a pause for reference processing and cleaners) and takes the snapshot. */
    static ResourceSnapshot take() throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        // jcmd first: its first attach starts the Attach Listener thread and socket, which must be in the baseline too
        Map<String, Long> nmt = nmt(jcmd("VM.native_memory", "summary"));
        Map<String, Long> classes = new LinkedHashMap<>();
        Matcher h = HISTOGRAM.matcher(jcmd("GC.class_histogram"));
        while (h.find()) {
            classes.put(h.group(2), Long.parseLong(h.group(1)));
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int java = ManagementFactory.getThreadMXBean().getThreadCount();
        int os = count(Path.of("/proc/self/task"));
        int fds = count(Path.of("/proc/self/fd"));
        return new ResourceSnapshot(heap, java, os, fds, readRssKb(), nmt, classes);
    }

    /** NMT total committed KB, or -1 when tracking is off. */
    long nmtTotalKb() {
        return nmtCommittedKb.getOrDefault("Total", -1L);
    }

    /** NMT committed KB outside the Java heap (the heap is sized -Xms = -Xmx, so this is what can grow). */
    long nmtNonHeapKb() {
        long total = nmtTotalKb();
        return total < 0 ? -1 : total - nmtCommittedKb.getOrDefault("Java Heap", 0L);
    }

    private static int count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        }
    }

    private static long readRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Output of {@code jcmd <this pid> command…}. */
    private static String jcmd(String... command) throws IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(ProcessHandle.current().pid())));
        cmd.addAll(java.util.List.of(command));
        // output to a file, not a pipe: the VM writes it at a safepoint, when no Java thread of ours could drain a pipe
        Path out = Files.createTempFile("jcmd", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Map<String, Long> nmt(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher t = TOTAL.matcher(text);
        if (t.find()) {
            out.put("Total", Long.parseLong(t.group(2)));
        }
        Matcher c = CATEGORY.matcher(text);
        while (c.find()) {
            out.put(c.group(1).trim(), Long.parseLong(c.group(3)));
        }
        return out;
    }
}
