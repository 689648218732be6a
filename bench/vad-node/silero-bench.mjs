// Runs Silero VAD the way @livekit/agents-plugin-silero 1.9.0 does (src/onnx_model.ts): one shared
// InferenceSession (1 intra-op thread, sequential), one OnnxModel per call (own context + state),
// batch 1, one awaited run per 32 ms chunk (512 samples at 16 kHz, 64 context samples prepended).
// Usage: node silero-bench.mjs <calls> <chunksPerCall>
// Prints one JSON line: chunks, wall and CPU microseconds per chunk.
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { fileURLToPath } from 'node:url';

const calls = Number(process.argv[2] ?? 10);
const chunksPerCall = Number(process.argv[3] ?? 200);
const model = fileURLToPath(new URL('../../vocadent-providers-local/src/main/resources/silero/silero_vad.onnx', import.meta.url));
const session = await InferenceSession.create(model, {
  interOpNumThreads: 1, intraOpNumThreads: 1, executionMode: 'sequential', executionProviders: [{ name: 'cpu' }],
});

class OnnxModel {
  constructor() {
    this.window = 512; this.ctx = 64;
    this.sr = BigInt64Array.from([16000n]);
    this.context = new Float32Array(this.ctx);
    this.state = new Float32Array(2 * 128);
    this.input = new Float32Array(this.ctx + this.window);
  }
  async run(x) {
    this.input.set(this.context, 0);
    this.input.set(x, this.ctx);
    const r = await session.run({
      input: new Tensor('float32', this.input, [1, this.ctx + this.window]),
      state: new Tensor('float32', this.state, [2, 1, 128]),
      sr: new Tensor('int64', this.sr),
    });
    this.state.set(r.stateN.data);
    this.context = this.input.slice(-this.ctx);
    return r.output.data[0];
  }
}

function chunk(call, k) {
  const x = new Float32Array(512);
  for (let i = 0; i < 512; i++) {
    const t = k * 512 + i;
    x[i] = 0.3 * Math.sin(2 * Math.PI * (150 + 10 * call) * t / 16000) * (Math.floor(t / 16000) % 2) + 0.01 * Math.sin(t * 1.7);
  }
  return x;
}

const models = Array.from({ length: calls }, () => new OnnxModel());
const inputs = Array.from({ length: calls }, (_, c) => Array.from({ length: 20 }, (_, k) => chunk(c, k)));
// warm-up
for (const m of models) { for (let k = 0; k < 5; k++) await m.run(inputs[0][k]); }
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
// every call's stream loop runs concurrently, as the plug-in's per-stream tasks do
await Promise.all(models.map(async (m, c) => {
  for (let k = 0; k < chunksPerCall; k++) await m.run(inputs[c][k % 20]);
}));
const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const chunks = calls * chunksPerCall;
console.log(JSON.stringify({ runtime: 'node ' + process.version + ' onnxruntime-node', calls, chunks,
  wallUsPerChunk: wallUs / chunks, cpuUsPerChunk: (cpu.user + cpu.system) / chunks }));
