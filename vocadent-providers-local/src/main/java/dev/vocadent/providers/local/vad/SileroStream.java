package dev.vocadent.providers.local.vad;

import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.agent.voice.VadOptions;

/**
 * One call's Silero state: pending samples at the model rate, the 64/32-sample context carried into
 * the next window, the RNN state, the exponential smoothing and the speech/silence state machine
 * (the LiveKit plug-in's rules). Audio arrives on the call's thread; inference results on the VAD's.
 */
final class SileroStream implements Vad.Stream {
    private static final double SMOOTHING = 0.35; // the plug-in's ExpFilter(0.35)

    private final SileroVad owner;
    private final Vad.Listener listener;
    final int modelRate;
    final int window;
    final int context;
    private final Resampler resampler; // null when the input is already 8 or 16 kHz
    private final short[] resampled;
    private final VadOptions options;
    final float[] state = new float[2 * SileroModel.STATE];
    final float[] row;
    private float[] pending = new float[4096];
    private int pendingLen;
    boolean queued;
    volatile boolean closed;

    // state machine, touched only on the inference thread
    private float filtered = -1;
    private long processed;       // model-rate samples analysed
    private boolean speaking;
    private long speechRun;       // ms of consecutive speech windows
    private long silenceRun;      // ms of consecutive silence windows
    private long speechStart;

    SileroStream(SileroVad owner, int inputRate, VadOptions options, Vad.Listener listener) {
        this.owner = owner;
        this.listener = listener;
        this.options = options;
        this.modelRate = inputRate == 8000 ? 8000 : 16000;
        this.window = SileroModel.windowFor(modelRate);
        this.context = SileroModel.contextFor(modelRate);
        this.row = new float[context + window];
        this.resampler = inputRate == modelRate ? null : new Resampler(inputRate, modelRate);
        this.resampled = resampler == null ? null : new short[resampler.maxOutput(4096)];
    }

    @Override
    public void push(short[] pcm, int off, int len) {
        if (closed) {
            return;
        }
        boolean ready;
        synchronized (this) {
            if (resampler == null) {
                append(pcm, off, len);
            } else {
                for (int done = 0; done < len; done += 4096) {
                    int n = Math.min(4096, len - done);
                    append(resampled, 0, resampler.process(pcm, off + done, n, resampled, 0));
                }
            }
            ready = pendingLen >= window && !queued;
            if (ready) {
                queued = true;
            }
        }
        if (ready) {
            owner.ready(this);
        }
    }

    private void append(short[] pcm, int off, int len) {
        if (pendingLen + len > pending.length) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pendingLen + len, pending.length * 2));
        }
        for (int i = 0; i < len; i++) {
            pending[pendingLen + i] = pcm[off + i] / 32767f; // the plug-in's scaling
        }
        pendingLen += len;
    }

    /** Copies context + next window into {@link #row}; false if no whole window is pending. */
    synchronized boolean fillRow() {
        if (pendingLen < window) {
            return false;
        }
        System.arraycopy(pending, 0, row, context, window);
        return true;
    }

    /** Takes the stream out of the ready set (nothing to do, or closed). */
    synchronized void dequeue() {
        queued = false;
    }

    /** After inference: consumes the window, keeps its tail as context; true if another window waits. */
    synchronized boolean consumeWindow() {
        System.arraycopy(row, window, row, 0, context); // last `context` samples become the next context
        System.arraycopy(pending, window, pending, 0, pendingLen - window);
        pendingLen -= window;
        queued = pendingLen >= window && !closed;
        return queued;
    }

    /** Runs the plug-in's speech/silence rules on one window's probability; fires events. */
    void onProbability(float raw) {
        float p = filtered < 0 ? raw : (float) (SMOOTHING * filtered + (1 - SMOOTHING) * raw);
        filtered = p;
        processed += window;
        long now = processed * 1000 / modelRate;
        long windowMs = window * 1000L / modelRate;
        listener.probability(p, now);
        boolean speech = p >= options.activationThreshold() || (speaking && p > options.deactivationThreshold());
        if (speech) {
            speechRun += windowMs;
            silenceRun = 0;
            if (!speaking && speechRun >= options.minSpeechMillis()) {
                speaking = true;
                speechStart = now - speechRun;
                listener.speechStarted(speechStart);
            }
        } else {
            silenceRun += windowMs;
            speechRun = 0;
            if (speaking && silenceRun > options.minSilenceMillis()) {
                speaking = false;
                listener.speechEnded(speechStart, now - silenceRun);
            }
        }
    }

    @Override
    public synchronized void reset() {
        java.util.Arrays.fill(state, 0f);
        java.util.Arrays.fill(row, 0f);
        pendingLen = 0;
        filtered = -1;
        processed = 0;
        speaking = false;
        speechRun = 0;
        silenceRun = 0;
        if (resampler != null) {
            resampler.reset();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
