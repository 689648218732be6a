package dev.vocadent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The Markdown report of {@link BackendLoad}: machine, command, date and a table per rate. */
final class Report {
    private Report() {}

    static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    /** Every second sample from {@code first}: even indexes are check-availability, odd ones bookings. */
    static long[] every(long[] all, int first) {
        long[] out = new long[(all.length - first + 1) / 2];
        for (int i = first, j = 0; i < all.length && j < out.length; i += 2, j++) {
            out[j] = all[i];
        }
        return out;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String markdown(List<BackendLoad.Level> levels, int seconds, String args, String loadBefore) {
        StringBuilder b = new StringBuilder();
        b.append("# Backend load: check-availability + book-appointment\n\n");
        b.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (").append(cpuModel()).append("), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(", Java ")
                .append(System.getProperty("java.version")).append(", max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB\n");
        b.append("- Command: `bench/backend-load.sh").append(args.isBlank() ? "" : " " + args).append("`\n");
        b.append("- Setup: embedded PostgreSQL 14 and the backend in the same JVM as the load generator, loopback HTTP/1.1; ")
                .append("open loop, ").append(seconds).append(" s per rate, half check-availability (one day, one doctor or ANY-PROVIDER), ")
                .append("half book-appointment of distinct free slots (Idempotency-Key set). Latency from each request's scheduled send time.\n");
        b.append("- Shared machine: load average (1/5/15 min) ").append(loadBefore).append(" before the run, ").append(loadAverage())
                .append(" after it, on ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs: other builds were running, so these figures are pessimistic and noisy.\n\n");
        b.append("| rate (req/s) | requests | p50 (ms) | p99 (ms) | max (ms) | check p99 (ms) | book p99 (ms) | errors |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (BackendLoad.Level l : levels) {
            b.append(String.format("| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n", l.rate(), l.sent(), pct(l.latencyNanos(), 50),
                    pct(l.latencyNanos(), 99), pct(l.latencyNanos(), 100), pct(every(l.latencyNanos(), 0), 99),
                    pct(every(l.latencyNanos(), 1), 99), l.errors().isEmpty() ? "0" : l.errors().toString()));
        }
        return b.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
