package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.providers.local.brain.eval.CallUnderTest;
import dev.vocadent.providers.local.brain.eval.Scenario;
import dev.vocadent.providers.local.brain.eval.ScenarioParser;
import dev.vocadent.providers.local.brain.eval.ScenarioRunner;
import dev.vocadent.providers.local.brain.eval.SessionCall;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vocadent eval DIR}: plays every scenario file of a directory through a brain, with the real
 * call session and tools against a fresh in-process demo backend, and prints a pass/fail table and the
 * success rate. Exit code 0 when every scenario passed, 1 otherwise.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run scenario files (*.scenario: caller lines, expected outcome and backend effects) through a brain "
                + "with the real session and tools against a fresh in-process demo backend; print a pass/fail table "
                + "and the success rate. Exit code 0 when all pass, 1 otherwise.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of *.scenario files, e.g. scenarios/.")
    Path dir;

    @Option(names = "--brain", defaultValue = "offline", description = "offline or openai (default: ${DEFAULT-VALUE}).")
    String brainName;

    @Option(names = {"-v", "--verbose"}, description = "Print the transcript of each failed scenario.")
    boolean verbose;

    @Option(names = "--voice", description = "Also run each scenario over the whole voice path: caller lines spoken by espeak-ng "
            + "as 8 kHz phone audio, Silero VAD, pocketsphinx, the brain, tools, espeak-ng; report text vs voice pass, "
            + "word error rate and end-of-speech -> first agent audio latency (p50/p95).")
    boolean voice;

    @Option(names = "--only", paramLabel = "NAME", description = "Run only the scenario with this name or file name (without .scenario).")
    String only;

    @Option(names = "--json", description = "One JSON object per scenario, then a summary object.")
    boolean json;

    @Option(names = "--jobs", description = "Voice calls run at once (default: 4 per core; a real-time call mostly waits).")
    Integer jobs;

    @Option(names = "--speed", defaultValue = "1", description = "Voice calls run this many times faster than real time (1-4; "
            + "latency figures are only meaningful at 1).")
    double speed;

    private final Function<String, Brain> brains;
    private final PrintStream out;

    EvalCommand() {
        this(null, System.out);
    }

    /** For tests: {@code brains} replaces the {@link BrainFactory} (null → the default one). */
    EvalCommand(Function<String, Brain> brains, PrintStream out) {
        this.brains = brains;
        this.out = out;
    }

    /** A clock each scenario sets to its own moment; the backend and the session read it. */
    static final class ScenarioClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Override
    public Integer call() throws Exception {
        Config settings = Settings.load();
        if (!BrainFactory.NAMES.contains(brainName)) {
            throw new UserError("unknown brain '" + brainName + "' (use one of: " + String.join(", ", BrainFactory.NAMES) + ")");
        }
        if (!(speed >= 1 && speed <= 4)) {
            throw new UserError("--speed must be between 1 and 4, was " + speed);
        }
        if (jobs != null && jobs < 1) {
            throw new UserError("--jobs must be at least 1, was " + jobs);
        }
        List<Scenario> scenarios = readScenarios();
        for (Scenario s : scenarios) {
            if (!s.clinic().equals(DemoClinics.WESTBURY) && !s.clinic().equals(DemoClinics.DENTAL2)) {
                throw new UserError("bad scenario '" + s.name() + "': unknown clinic '" + s.clinic()
                        + "' (the demo backend has: westbury, dental2)");
            }
        }
        Brain brain = brains != null ? brains.apply(brainName) : BrainFactory.DEFAULT.create(brainName, settings);
        ScenarioClock clock = new ScenarioClock();
        Path data = tempDir();
        try (EmbeddedBackend backend = EmbeddedBackend.startDemo(data, clock)) {
            int[] n = {0};
            CallUnderTest.Factory factory = s -> start(s, backend, brain, clock, ++n[0]);
            List<ScenarioRunner.Result> results = new ScenarioRunner(factory).runAll(scenarios);
            if (voice) {
                return runVoice(scenarios, results, brain, settings, data);
            }
            if (json) {
                printJson(results);
                return results.stream().allMatch(ScenarioRunner.Result::passed) ? 0 : 1;
            }
            out.print(ScenarioRunner.report(results));
            if (verbose) {
                for (ScenarioRunner.Result r : results) {
                    if (!r.passed()) {
                        out.println("--- " + r.scenario().name());
                        r.transcript().forEach(out::println);
                    }
                }
            }
            return results.stream().allMatch(ScenarioRunner.Result::passed) ? 0 : 1;
        } finally {
            deleteQuietly(data);
        }
    }

    private List<Scenario> readScenarios() {
        List<Scenario> scenarios;
        List<String> files;
        try {
            scenarios = ScenarioParser.readDirectory(dir);
            try (Stream<Path> list = Files.list(dir)) {
                files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".scenario")).sorted()
                        .map(f -> f.substring(0, f.length() - ".scenario".length())).toList();
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("bad scenario: " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read " + dir + ": " + e.getMessage());
        }
        if (scenarios.isEmpty()) {
            throw new UserError("no *.scenario files in " + dir);
        }
        if (only != null) {
            List<Scenario> picked = new java.util.ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                if (scenarios.get(i).name().equals(only) || files.get(i).equals(only)) {
                    picked.add(scenarios.get(i));
                }
            }
            if (picked.isEmpty()) {
                throw new UserError("no scenario named '" + only + "' in " + dir);
            }
            scenarios = picked;
        }
        return scenarios;
    }

    private int runVoice(List<Scenario> scenarios, List<ScenarioRunner.Result> text, Brain brain, Config settings, Path data)
            throws Exception {
        java.util.Map<String, ScenarioRunner.Result> byName = new java.util.HashMap<>();
        text.forEach(r -> byName.put(r.scenario().name(), r));
        int n = jobs != null ? jobs : 4 * Runtime.getRuntime().availableProcessors();
        List<VoiceEval.Outcome> outcomes;
        try (VoiceStack stack = VoiceStack.open(settings)) {
            int[] done = {0};
            outcomes = new VoiceEval(stack.stack(), brain, n, speed, data.resolve("voice"), o -> {
                synchronized (done) {
                    done[0]++;
                    System.err.printf("voice [%d/%d] %s: %s%n", done[0], scenarios.size(), o.scenario().name(),
                            o.passed() ? "pass" : "fail");
                }
            }).run(scenarios);
        }
        if (json) {
            VoiceReport.json(outcomes, byName).forEach(out::println);
        } else {
            out.print(VoiceReport.table(outcomes, byName, verbose));
        }
        out.flush();
        return outcomes.stream().allMatch(o -> o.skip() != null || o.passed()) ? 0 : 1;
    }

    private void printJson(List<ScenarioRunner.Result> results) {
        for (ScenarioRunner.Result r : results) {
            com.fasterxml.jackson.databind.node.ObjectNode n = dev.vocadent.core.json.Json.mapper().createObjectNode()
                    .put("type", "scenario").put("name", r.scenario().name()).put("clinic", r.scenario().clinic())
                    .put("text", r.passed() ? "pass" : "fail");
            r.failures().forEach(n.putArray("failures")::add);
            out.println(n);
        }
        long passed = results.stream().filter(ScenarioRunner.Result::passed).count();
        out.println(dev.vocadent.core.json.Json.mapper().createObjectNode().put("type", "summary")
                .put("scenarios", results.size()).put("text_passed", passed));
    }

    /** A scenario's backend client with its set-up directives applied, its clinic, and whether transfers reach a person. */
    record Prepared(ScenarioBackend client, ClinicConfig config, boolean transferReaches) {}

    static Prepared prepare(Scenario s, EmbeddedBackend backend) {
        HttpBackendClient http = HttpBackendClient.create(backend.baseUrl(), s.clinic(), DemoClinics.tokenOf(s.clinic()));
        ScenarioBackend client = new ScenarioBackend(http);
        boolean transferReaches = true;
        for (Scenario.Directive d : s.backend()) {
            switch (d.kind()) {
                case "existing-patient" -> client.upsertPatient(new Patient(d.args().get("name"), d.args().get("phone"),
                        LocalDate.parse(d.args().get("dob"))));
                case "slot-taken-once" -> client.takeNextBooking();
                case "fully-booked" -> client.fullyBooked();
                case "transfer-fails" -> transferReaches = false;
                default -> throw new IllegalArgumentException("unknown backend directive '" + d.kind() + "'");
            }
        }
        return new Prepared(client, client.customerConfig(), transferReaches);
    }

    private static CallUnderTest start(Scenario s, EmbeddedBackend backend, Brain brain, ScenarioClock clock, int n) {
        clock.set(s.now().atZone(ZoneId.of("Europe/London")).toInstant());
        Prepared p = prepare(s, backend);
        return new SessionCall(p.config(), "eval-" + n, s.callerPhone(), p.client(), brain, clock, p.transferReaches());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("vocadent-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is harmless
        }
    }
}
