package dev.vocadent.providers.local.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * The Silero VAD ONNX model (vendored from the LiveKit plug-in) on onnxruntime, run as the plug-in
 * does (one intra-op thread, sequential), but over a batch of calls at once: input [B, ctx+window],
 * state [2, B, 128], scalar sr. Not thread-safe: one inference thread uses it.
 */
final class SileroModel implements AutoCloseable {
    static final int STATE = 128;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private FloatBuffer input = direct(0);
    private FloatBuffer state = direct(0);

    SileroModel() {
        byte[] model;
        try (InputStream in = SileroModel.class.getResourceAsStream("/silero/silero_vad.onnx")) {
            if (in == null) {
                throw new IllegalStateException("silero/silero_vad.onnx missing from the classpath");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session = env.createSession(model, o);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model: " + e.getMessage(), e);
        }
    }

    static int windowFor(int sampleRate) {
        return sampleRate == 8000 ? 256 : 512;
    }

    static int contextFor(int sampleRate) {
        return sampleRate == 8000 ? 32 : 64;
    }

    /**
     * One inference over {@code batch} rows. {@code rows[b]} is ctx+window samples; {@code states[b]}
     * is that row's 2×128 state, replaced in place by the new state. Returns the probabilities.
     */
    float[] run(int sampleRate, float[][] rows, float[][] states, int batch) throws OrtException {
        int width = contextFor(sampleRate) + windowFor(sampleRate);
        input = ensure(input, batch * width);
        state = ensure(state, 2 * batch * STATE);
        input.clear();
        for (int b = 0; b < batch; b++) {
            input.put(rows[b], 0, width);
        }
        input.flip();
        state.clear();
        for (int layer = 0; layer < 2; layer++) {
            for (int b = 0; b < batch; b++) {
                state.put(states[b], layer * STATE, STATE);
            }
        }
        state.flip();
        try (OnnxTensor in = OnnxTensor.createTensor(env, input, new long[] {batch, width});
             OnnxTensor st = OnnxTensor.createTensor(env, state, new long[] {2, batch, STATE});
             OnnxTensor sr = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {sampleRate}), new long[0]);
             OrtSession.Result r = session.run(Map.of("input", in, "state", st, "sr", sr))) {
            float[][] out = (float[][]) r.get("output").orElseThrow().getValue();
            float[][][] next = (float[][][]) r.get("stateN").orElseThrow().getValue();
            float[] p = new float[batch];
            for (int b = 0; b < batch; b++) {
                p[b] = out[b][0];
                System.arraycopy(next[0][b], 0, states[b], 0, STATE);
                System.arraycopy(next[1][b], 0, states[b], STATE, STATE);
            }
            return p;
        }
    }

    private static FloatBuffer ensure(FloatBuffer b, int floats) {
        return b.capacity() >= floats ? b : direct(Math.max(floats, b.capacity() * 2));
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(Math.max(4, floats * 4)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing; nothing to do
        }
    }
}
