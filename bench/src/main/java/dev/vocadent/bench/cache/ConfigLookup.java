package dev.vocadent.bench.cache;

import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.tenant.Route;
import dev.vocadent.core.tenant.TenantRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a call pays for its clinic's config once the directory is warm (target: p99 ≤ 0.1 ms).
 * SampleTime mode, so JMH reports percentiles. Results: bench/results/agent-config-cache.md.
 *
 * <pre>
 * ./mvnw -B -q -ntp -pl bench -am package -DskipTests
 * java -cp 'bench/target/vocadent-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main ConfigLookup
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-DVOCADENT_LOG_LEVEL=WARN"})
public class ConfigLookup {
    private ClinicDirectory directory;
    private TenantRouter router;

    @Setup
    public void setUp() {
        Map<String, ClinicConfig> configs = Map.of("westbury", DemoClinics.westbury(), "dental2", DemoClinics.dental2());
        directory = ClinicDirectory.builder(id -> Optional.ofNullable(configs.get(id)))
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        router = TenantRouter.builder(directory).servedClinics(List.of("westbury", "dental2")).build();
        router.warmUp().join();
    }

    @TearDown
    public void tearDown() {
        directory.close();
    }

    /** A cached config lookup: what the agent does when a call starts (and tools do later). */
    @Benchmark
    public ClinicConfig cachedGet() {
        return directory.get("westbury");
    }

    /** Room name → clinic → cached config: the LiveKit call-start path. */
    @Benchmark
    public ClinicConfig roomNameThenGet() {
        Route r = router.fromRoomName("westbury._+447700900123_AbCdEf");
        return directory.get(((Route.Clinic) r).clinicId());
    }

    /** SIP request-URI user part → clinic → cached config: the SIP call-start path. */
    @Benchmark
    public ClinicConfig dialledNumberThenGet() {
        Route r = router.fromDialledNumber("sip:+441632960002@10.0.0.1;user=phone");
        return directory.get(((Route.Clinic) r).clinicId());
    }
}
