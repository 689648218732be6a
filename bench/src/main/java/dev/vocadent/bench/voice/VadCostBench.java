package dev.vocadent.bench.voice;

import dev.vocadent.agent.voice.Vad;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.providers.local.vad.SileroVad;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Silero VAD cost per 32 ms chunk per call: Java batched (one model run for all calls with a ready
 * chunk), Java unbatched (one run per call and chunk), and the Node plug-in's way (bench/vad-node,
 * onnxruntime-node, batch 1), run one after the other in the same process run so they share the
 * machine's load. Usage: VadCostBench [rounds] [calls...]
 */
public final class VadCostBench {
    private static final Vad.Listener QUIET = new Vad.Listener() {
        @Override
        public void speechStarted(long startMillis) {}

        @Override
        public void speechEnded(long startMillis, long endMillis) {}
    };

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1, 10, 50, 100);
        }
        System.out.println("| calls | Java batched CPU µs/chunk | Java unbatched CPU µs/chunk | Node plug-in way CPU µs/chunk "
                + "| avg batch | batched vs Node |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int calls : sizes) {
            double[] batched = run(calls, rounds, calls);
            double[] single = run(calls, rounds, 1);
            double node = node(calls, rounds);
            System.out.printf("| %d | %.0f | %.0f | %s | %.1f | %s |%n", calls, batched[0], single[0],
                    node < 0 ? "n/a" : String.format("%.0f", node), batched[1],
                    node < 0 ? "n/a" : String.format("%.1f× cheaper", node / batched[0]));
        }
    }

    /** Returns {CPU µs per chunk, average batch size}. */
    static double[] run(int calls, int rounds, int maxBatch) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (SileroVad vad = SileroVad.manual(VadOptions.DEFAULTS, maxBatch)) {
            List<Vad.Stream> streams = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                streams.add(vad.stream(16000, QUIET));
            }
            short[][] chunks = new short[20][512];
            for (int k = 0; k < 20; k++) {
                for (int i = 0; i < 512; i++) {
                    int t = k * 512 + i;
                    chunks[k][i] = (short) (9000 * Math.sin(2 * Math.PI * 180 * t / 16000.0) * ((t / 16000) % 2) + 300 * Math.sin(t * 1.7));
                }
            }
            for (int k = 0; k < 5; k++) { // warm-up
                for (Vad.Stream s : streams) {
                    s.push(chunks[k], 0, 512);
                }
                vad.runPending();
            }
            long runs0 = vad.modelRuns();
            long win0 = vad.windows();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                for (Vad.Stream s : streams) {
                    s.push(chunks[r % 20], 0, 512);
                }
                vad.runPending();
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long windows = vad.windows() - win0;
            return new double[] {cpu / 1000.0 / windows, (double) windows / (vad.modelRuns() - runs0)};
        }
    }

    /** CPU µs per chunk of the Node script, or -1 if node or its packages are missing. */
    static double node(int calls, int rounds) {
        Path script = Path.of("bench/vad-node/silero-bench.mjs");
        if (!Files.exists(script) || !Files.isDirectory(Path.of("bench/vad-node/node_modules/onnxruntime-node"))) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("node", script.toString(), Integer.toString(calls), Integer.toString(rounds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                return -1;
            }
            int at = out.indexOf("\"cpuUsPerChunk\":");
            return Double.parseDouble(out.substring(at + 16, out.indexOf('}', at)));
        } catch (Exception e) {
            return -1;
        }
    }
}
