package dev.vocadent.providers.local.vad;

import ai.onnxruntime.OrtException;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.agent.voice.VadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silero VAD for many calls: one model, one inference thread, and per-call {@link Vad.Stream}s. Each
 * round takes one ready window from every call that has one and runs them as one batch per model rate
 * (8 or 16 kHz), so the cost per call falls as calls grow. Audio at other rates is resampled to 16 kHz.
 * Listeners are called on the inference thread.
 */
public final class SileroVad implements Vad {
    private static final Logger log = LoggerFactory.getLogger(SileroVad.class);

    private final SileroModel model = new SileroModel();
    private final VadOptions options;
    private final LinkedBlockingQueue<SileroStream> ready = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final int maxBatch;
    private final AtomicLong modelRuns = new AtomicLong();
    private final AtomicLong windows = new AtomicLong();
    private volatile boolean running = true;

    private SileroVad(VadOptions options, int maxBatch, boolean thread) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("vad.max-batch must be at least 1, was " + maxBatch);
        }
        this.options = options;
        this.maxBatch = maxBatch;
        this.worker = thread ? Thread.ofPlatform().name("silero-vad").daemon().start(this::loop) : null;
    }

    /** A VAD with its own inference thread. */
    public static SileroVad start(VadOptions options, int maxBatch) {
        return new SileroVad(options, maxBatch, true);
    }

    /** A VAD without a thread: call {@link #runPending()} to run inference (tests, benchmarks). */
    public static SileroVad manual(VadOptions options, int maxBatch) {
        return new SileroVad(options, maxBatch, false);
    }

    @Override
    public Vad.Stream stream(int sampleRate, Vad.Listener listener) {
        if (sampleRate < 8000 || sampleRate > 48000) {
            throw new IllegalArgumentException("VAD sample rate must be 8000..48000 Hz, was " + sampleRate);
        }
        return new SileroStream(this, sampleRate, options, listener);
    }

    void ready(SileroStream s) {
        ready.add(s);
    }

    /** Model runs so far (one per batch). */
    public long modelRuns() {
        return modelRuns.get();
    }

    /** Windows analysed so far (over all calls). */
    public long windows() {
        return windows.get();
    }

    private void loop() {
        List<SileroStream> round = new ArrayList<>();
        while (running) {
            try {
                round.add(ready.take());
            } catch (InterruptedException e) {
                return;
            }
            ready.drainTo(round);
            runRound(round);
            round.clear();
        }
    }

    /** Runs inference until no stream has a whole window pending. Only for {@link #manual} VADs. */
    public void runPending() {
        if (worker != null) {
            throw new IllegalStateException("this VAD runs its own thread");
        }
        List<SileroStream> round = new ArrayList<>();
        while (ready.drainTo(round) > 0) {
            runRound(round);
            round.clear();
        }
    }

    private void runRound(List<SileroStream> round) {
        List<SileroStream> again = new ArrayList<>();
        batch(round, 16000, again);
        batch(round, 8000, again);
        ready.addAll(again);
    }

    private void batch(List<SileroStream> round, int rate, List<SileroStream> again) {
        SileroStream[] members = new SileroStream[Math.min(round.size(), maxBatch)];
        int n = 0;
        for (SileroStream s : round) {
            if (s.modelRate != rate) {
                continue;
            }
            if (s.closed || !s.fillRow()) {
                s.dequeue();
                continue;
            }
            members[n++] = s;
            if (n == members.length) {
                n = infer(rate, members, n, again);
            }
        }
        if (n > 0) {
            infer(rate, members, n, again);
        }
    }

    private int infer(int rate, SileroStream[] members, int n, List<SileroStream> again) {
        float[][] rows = new float[n][];
        float[][] states = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = members[i].row;
            states[i] = members[i].state;
        }
        float[] p;
        try {
            p = model.run(rate, rows, states, n);
        } catch (OrtException e) {
            log.error("Silero VAD inference failed for {} calls: {}", n, e.getMessage());
            for (int i = 0; i < n; i++) {
                members[i].consumeWindow();
            }
            return 0;
        }
        modelRuns.incrementAndGet();
        windows.addAndGet(n);
        for (int i = 0; i < n; i++) {
            SileroStream s = members[i];
            try {
                s.onProbability(p[i]);
            } catch (RuntimeException e) {
                log.warn("VAD listener failed: {}", e.toString());
            }
            if (s.consumeWindow()) {
                again.add(s);
            }
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        model.close();
    }
}
