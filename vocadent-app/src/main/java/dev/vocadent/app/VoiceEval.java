package dev.vocadent.app;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.state.CallState;
import dev.vocadent.providers.local.brain.eval.Scenario;
import dev.vocadent.providers.local.brain.eval.ScenarioRunner;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scenarios over the whole voice path ({@link VoiceScenarioCall}) with the same checks as the text
 * eval, {@code jobs} calls at a time. Each worker has its own demo backend (so parallel calls never
 * compete for one slot) and scenario clock; the voice stack (VAD, recogniser, voices) and the brain are
 * shared, as by the calls of one server.
 */
final class VoiceEval {
    /**
     * One scenario's voice run: skipped (with the reason), or its result, what was heard of each spoken
     * attempt, the turn latencies, how many lines the caller had to say again, and the gaps the caller
     * heard (last word → first agent audio, turns answered at the first attempt).
     */
    record Outcome(Scenario scenario, String skip, ScenarioRunner.Result result, List<VoiceScenarioCall.Heard> heard,
                   List<TurnLatency> latencies, int repeats, List<Long> heardGaps) {
        boolean passed() {
            return skip == null && result.passed();
        }

        /** Word edits and words said over the scenario's caller lines. */
        int[] werCounts() {
            int edits = 0;
            int words = 0;
            for (VoiceScenarioCall.Heard h : heard) {
                List<String> ref = WordErrorRate.words(h.spoken());
                edits += WordErrorRate.edits(ref, WordErrorRate.words(h.recognised()));
                words += ref.size();
            }
            return new int[] {edits, words};
        }

        List<Long> eosToFirstAudio() {
            return latencies.stream().map(TurnLatency::eosToFirstAudio).filter(Objects::nonNull).toList();
        }
    }

    private final VoiceScenarioCall.Stack stack;
    private final Brain brain;
    private final int jobs;
    private final double speed;
    private final Path dataRoot;
    private final java.util.function.Consumer<Outcome> progress;

    /** @param progress told of each scenario as it finishes (on a worker thread) */
    VoiceEval(VoiceScenarioCall.Stack stack, Brain brain, int jobs, double speed, Path dataRoot,
              java.util.function.Consumer<Outcome> progress) {
        this.progress = progress;
        this.stack = stack;
        this.brain = brain;
        this.jobs = jobs;
        this.speed = speed;
        this.dataRoot = dataRoot;
    }

    /** Why a scenario cannot be run by voice, or null when it can. */
    static String skipReason(Scenario s) {
        if (s.callerLines().isEmpty()) {
            return "the caller says nothing";
        }
        for (String line : s.callerLines()) {
            if (!SpokenForm.speakable(SpokenForm.of(line))) {
                return "the caller line '" + line + "' cannot be spoken";
            }
        }
        return null;
    }

    List<Outcome> run(List<Scenario> scenarios) throws InterruptedException {
        Outcome[] out = new Outcome[scenarios.size()];
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String skip = skipReason(scenarios.get(i));
            if (skip != null) {
                out[i] = new Outcome(scenarios.get(i), skip, null, List.of(), List.of(), 0, List.of());
            } else {
                queue.add(i);
            }
        }
        int workers = Math.max(1, Math.min(jobs, queue.size()));
        List<Thread> threads = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        RuntimeException[] error = new RuntimeException[1];
        for (int w = 0; w < workers; w++) {
            Path data = dataRoot.resolve("worker-" + w);
            threads.add(Thread.ofPlatform().name("voice-eval-" + w).start(() -> {
                EvalCommand.ScenarioClock clock = new EvalCommand.ScenarioClock();
                try (EmbeddedBackend backend = EmbeddedBackend.startDemo(data, clock)) {
                    Integer i;
                    while ((i = queue.poll()) != null) {
                        out[i] = runOne(scenarios.get(i), backend, clock, i);
                        progress.accept(out[i]);
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    synchronized (error) {
                        error[0] = e;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get() > 0) {
            throw error[0];
        }
        return List.of(out);
    }

    private Outcome runOne(Scenario s, EmbeddedBackend backend, EvalCommand.ScenarioClock clock, int n) {
        VoiceScenarioCall[] call = new VoiceScenarioCall[1];
        ScenarioRunner runner = new ScenarioRunner(scenario -> {
            clock.set(scenario.now().atZone(ZoneId.of("Europe/London")).toInstant());
            EvalCommand.Prepared p = EvalCommand.prepare(scenario, backend);
            CallState state = new CallState("voice-eval-" + (n + 1), null, p.config(), scenario.callerPhone());
            try {
                call[0] = new VoiceScenarioCall(stack, state, p.client(), brain, clock, p.transferReaches(),
                        scenario.callerLines(), speed);
            } catch (TtsException e) {
                throw new IllegalStateException("the caller voice failed: " + e.getMessage(), e);
            }
            return call[0];
        });
        ScenarioRunner.Result r;
        try {
            r = runner.run(s);
        } finally {
            if (call[0] != null) {
                call[0].close();
            }
        }
        return call[0] == null ? new Outcome(s, null, r, List.of(), List.of(), 0, List.of())
                : new Outcome(s, null, r, call[0].heard(), call[0].latencies(), call[0].repeats(),
                        call[0].heardGaps());
    }
}
