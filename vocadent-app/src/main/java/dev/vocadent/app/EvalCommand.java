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
        description = {"Run scenario files (*.scenario: caller lines, expected outcome and backend effects) through a brain",
                "with the real session and tools against a fresh in-process demo backend; print a pass/fail table",
                "and the success rate. Exit code 0 when all pass, 1 otherwise."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of *.scenario files, e.g. scenarios/.")
    Path dir;

    @Option(names = "--brain", defaultValue = "offline", description = "offline or openai (default: ${DEFAULT-VALUE}).")
    String brainName;

    @Option(names = {"-v", "--verbose"}, description = "Print the transcript of each failed scenario.")
    boolean verbose;

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
    public Integer call() {
        Config settings = Settings.load();
        if (!BrainFactory.NAMES.contains(brainName)) {
            throw new UserError("unknown brain '" + brainName + "' (use one of: " + String.join(", ", BrainFactory.NAMES) + ")");
        }
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioParser.readDirectory(dir);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad scenario: " + e.getMessage());
        }
        if (scenarios.isEmpty()) {
            throw new UserError("no *.scenario files in " + dir);
        }
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

    private static CallUnderTest start(Scenario s, EmbeddedBackend backend, Brain brain, ScenarioClock clock, int n) {
        clock.set(s.now().atZone(ZoneId.of("Europe/London")).toInstant());
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
        ClinicConfig config = client.customerConfig();
        return new SessionCall(config, "eval-" + n, s.callerPhone(), client, brain, clock, transferReaches);
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
