package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.livekit.fake.FakeLiveKitServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LiveKitProvisionCommandTest {
    @TempDir
    static Path data;
    static EmbeddedBackend backend;
    final FakeLiveKitServer livekit = new FakeLiveKitServer();

    @BeforeAll
    static void startBackend() {
        backend = EmbeddedBackend.startDemo(data, Clock.systemUTC());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    record Run(int exit, String out, String err) {}

    Run provision(Map<String, String> env, String... args) {
        LiveKitCommand.Provision cmd = new LiveKitCommand.Provision();
        cmd.env = env::get;
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            int exit = new CommandLine(cmd).setExecutionExceptionHandler(new UserErrorHandler())
                    .setErr(new PrintWriter(err, true)).execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setOut(old);
            livekit.close();
        }
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("LIVEKIT_URL", livekit.url());
        env.put("LIVEKIT_API_KEY", FakeLiveKitServer.API_KEY);
        env.put("LIVEKIT_API_SECRET", FakeLiveKitServer.API_SECRET);
        env.put("VOCADENT_TOKEN_WESTBURY", "demo-westbury-token");
        return env;
    }

    @Test
    void provisionsTheClinicsTrunkAndRuleFromItsConfigInTheBackend() {
        Run r = provision(env(), "--clinic", "westbury", "--backend-url", backend.baseUrl().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("create inbound trunk vocadent-westbury for [+441632960001]").contains("create dispatch rule");
        assertThat(livekit.sip().trunks).hasSize(1);
    }

    @Test
    void dryRunChangesNothing() {
        Run r = provision(env(), "--clinic", "westbury", "--dry-run", "--backend-url", backend.baseUrl().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("would create inbound trunk");
        assertThat(livekit.sip().mutations).isEmpty();
    }

    @Test
    void missingLiveKitCredentialsOrTokenAreOneLineErrors() {
        Map<String, String> env = env();
        env.remove("LIVEKIT_API_SECRET");
        Run r = provision(env, "--clinic", "westbury", "--backend-url", backend.baseUrl().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("vocadent: LIVEKIT_API_SECRET is not set (LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are needed)");
    }

    @Test
    void anotherClinicsTokenCannotProvisionIt() {
        Map<String, String> env = env();
        env.put("VOCADENT_TOKEN_DENTAL2", "demo-westbury-token");
        Run r = provision(env, "--clinic", "dental2", "--backend-url", backend.baseUrl().toString());
        assertThat(r.exit()).isNotZero();
        assertThat(livekit.sip().mutations).isEmpty();
    }
}
