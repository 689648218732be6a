package dev.vocadent.agent.audio;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counters of paced agent audio frames, over all calls: every frame sent
 * ({@code vocadent_audio_frames_total}) and those sent one frame period (20 ms) or more after their
 * deadline ({@code vocadent_audio_late_frames_total}). The ratio is what the ops "audio pacing degraded"
 * alert watches.
 */
public final class PacingMeters {
    public static final String FRAMES = "vocadent.audio.frames";
    public static final String LATE_FRAMES = "vocadent.audio.late.frames";
    private static volatile PacingMeters global;

    private final Counter frames;
    private final Counter late;

    public PacingMeters(MeterRegistry registry) {
        this.frames = Counter.builder(FRAMES).description("Agent audio frames sent by the pacers").register(registry);
        this.late = Counter.builder(LATE_FRAMES).description("Agent audio frames sent 20 ms or more after their deadline")
                .register(registry);
    }

    /** The process-wide meters, in Micrometer's global registry. */
    public static PacingMeters global() {
        PacingMeters g = global;
        if (g == null) {
            synchronized (PacingMeters.class) {
                if (global == null) {
                    global = new PacingMeters(Metrics.globalRegistry);
                }
                g = global;
            }
        }
        return g;
    }

    void sent(boolean wasLate) {
        frames.increment();
        if (wasLate) {
            late.increment();
        }
    }

    /** Frames sent so far. */
    public long frames() {
        return (long) frames.count();
    }

    /** Late frames sent so far. */
    public long lateFrames() {
        return (long) late.count();
    }
}
