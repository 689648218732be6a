package dev.vocadent.livekit.worker;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * The worker's load in [0, 1]: the larger of its call share ({@code active / maxJobs}) and the
 * machine's CPU load. LiveKit sends jobs to workers below their threshold.
 */
public final class LoadMonitor {
    private final IntSupplier activeJobs;
    private final int maxJobs;
    private final DoubleSupplier cpu;

    public LoadMonitor(IntSupplier activeJobs, int maxJobs, DoubleSupplier cpu) {
        this.activeJobs = activeJobs;
        this.maxJobs = maxJobs;
        this.cpu = cpu;
    }

    /** CPU load of the whole machine from the JVM (0 when the platform cannot tell). */
    public static DoubleSupplier systemCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return () -> {
                double v = sun.getCpuLoad();
                return v < 0 || Double.isNaN(v) ? 0 : v;
            };
        }
        return () -> 0;
    }

    public double load() {
        double jobs = Math.min(1.0, activeJobs.getAsInt() / (double) maxJobs);
        double c = Math.max(0, Math.min(1.0, cpu.getAsDouble()));
        return Math.max(jobs, c);
    }

    public int activeJobs() {
        return activeJobs.getAsInt();
    }
}
