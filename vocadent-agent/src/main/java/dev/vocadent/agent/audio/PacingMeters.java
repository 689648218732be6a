package dev.vocadent.agent.audio;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of paced agent audio frames, over all calls: every frame sent
 * ({@code vocadent_audio_frames_total}) and those sent one frame period (20 ms) or more after their
 * deadline ({@code vocadent_audio_late_frames_total}). The ratio is what the ops "audio pacing degraded"
 * alert watches. The counts are kept here and read by the registry, so the alert sees them even in a
 * process whose global registry has no backing registry (a Micrometer counter there counts nothing).
 */
public final class PacingMeters {
    public static final String FRAMES = "vocadent.audio.frames";
    public static final String LATE_FRAMES = "vocadent.audio.late.frames";
    private static volatile PacingMeters global;

    private final LongAdder frames = new LongAdder();
    private final LongAdder late = new LongAdder();

    public PacingMeters(MeterRegistry registry) {
        FunctionCounter.builder(FRAMES, frames, LongAdder::doubleValue).description("Agent audio frames sent by the pacers")
                .register(registry);
        FunctionCounter.builder(LATE_FRAMES, late, LongAdder::doubleValue)
                .description("Agent audio frames sent 20 ms or more after their deadline").register(registry);
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
        return frames.sum();
    }

    /** Late frames sent so far. */
    public long lateFrames() {
        return late.sum();
    }
}
