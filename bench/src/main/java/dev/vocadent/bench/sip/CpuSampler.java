package dev.vocadent.bench.sip;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples this process's CPU time every 250 ms against the wall clock (epoch µs, the capture's clock),
 * and the CPU time of helper processes (sipp, tcpdump) while they live, so the CPU of any window of
 * the run can be read afterwards.
 */
final class CpuSampler implements AutoCloseable {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<long[]> samples = new ArrayList<>();
    private final Map<String, ProcessHandle> others = new ConcurrentHashMap<>();
    private final Map<String, Duration> othersCpu = new ConcurrentHashMap<>();
    private final Thread thread;

    CpuSampler() {
        sample();
        thread = Thread.ofPlatform().name("cpu-sampler").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        });
    }

    /** Also follow {@code process}'s CPU time under {@code name}. */
    void follow(String name, ProcessHandle process) {
        others.put(name, process);
    }

    private void sample() {
        long micros = System.currentTimeMillis() * 1000;
        long cpu = os.getProcessCpuTime();
        synchronized (samples) {
            samples.add(new long[] {micros, cpu});
        }
        others.forEach((name, p) -> p.info().totalCpuDuration().ifPresent(d -> othersCpu.put(name, d)));
    }

    /** This process's CPU time (ns) between two wall-clock instants (epoch µs), from the nearest samples inside. */
    double cpuCoresBetween(long fromMicros, long toMicros) {
        long[] a = null;
        long[] b = null;
        synchronized (samples) {
            for (long[] s : samples) {
                if (s[0] >= fromMicros && a == null) {
                    a = s;
                }
                if (s[0] <= toMicros) {
                    b = s;
                }
            }
        }
        if (a == null || b == null || b[0] <= a[0]) {
            return Double.NaN;
        }
        return (b[1] - a[1]) / 1000.0 / (b[0] - a[0]);
    }

    /** Last CPU time seen of a followed process. */
    Duration cpuOf(String name) {
        return othersCpu.getOrDefault(name, Duration.ZERO);
    }

    @Override
    public void close() {
        thread.interrupt();
        sample();
    }
}
