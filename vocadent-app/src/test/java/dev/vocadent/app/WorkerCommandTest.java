package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WorkerCommandTest {
    record Run(int exit, String err) {}

    Run run(Map<String, String> env, String... args) {
        WorkerCommand cmd = new WorkerCommand();
        cmd.env = env::get;
        StringWriter err = new StringWriter();
        int exit = new CommandLine(cmd).setExecutionExceptionHandler(new UserErrorHandler())
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, err.toString().strip());
    }

    Map<String, String> liveKit() {
        Map<String, String> env = new HashMap<>();
        env.put("LIVEKIT_URL", "ws://127.0.0.1:1");
        env.put("LIVEKIT_API_KEY", "APIkey");
        env.put("LIVEKIT_API_SECRET", "secret-secret-secret-secret-secret");
        return env;
    }

    @Test
    void missingLiveKitCredentialsAreAOneLineError() {
        Map<String, String> env = liveKit();
        env.remove("LIVEKIT_URL");
        Run r = run(env, "--demo");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vocadent: LIVEKIT_URL is not set (LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are needed)");
    }

    @Test
    void theWorkerNeedsExactlyOneBackendAValidThresholdAndAKnownBrain() {
        assertThat(run(liveKit()).err()).isEqualTo("vocadent: vocadent worker needs --demo or --backend-url URL");
        assertThat(run(liveKit(), "--demo", "--backend-url", "http://127.0.0.1:8080").exit()).isEqualTo(2);
        Run threshold = run(liveKit(), "--demo", "--load-threshold", "1.5");
        assertThat(threshold.exit()).isEqualTo(2);
        assertThat(threshold.err()).contains("load threshold must be in (0, 1]");
        assertThat(run(liveKit(), "--demo", "--brain", "psychic").exit()).isEqualTo(2);
        Run url = run(Map.of("LIVEKIT_URL", "ftp://x", "LIVEKIT_API_KEY", "k", "LIVEKIT_API_SECRET", "s")::get, "--demo");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).contains("must be ws(s):// or http(s)://");
    }

    @Test
    void roomEgressWithoutAnAzureAccountIsAOneLineError() {
        WorkerCommand cmd = new WorkerCommand();
        cmd.env = liveKit()::get;
        cmd.settingsSource = () -> dev.vocadent.core.settings.Settings.load(java.util.Map.of("livekit.egress.enabled", true));
        StringWriter err = new StringWriter();
        int exit = new CommandLine(cmd).setExecutionExceptionHandler(new UserErrorHandler())
                .setErr(new PrintWriter(err, true)).execute("--demo");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("vocadent: room egress needs the Azure account name, account key and container")
                .contains("AZURE_STORAGE_ACCOUNT");
    }

    @Test
    void roomEgressIsOffByDefaultAndOnWithAnAzureAccount() {
        var defaults = dev.vocadent.core.settings.Settings.load(java.util.Map.of("postcall.azure.account-name", ""));
        assertThat(WorkerCommand.roomEgress(defaults, "http://127.0.0.1:1", "k", "s")).isNull();
        var on = dev.vocadent.core.settings.Settings.load(java.util.Map.of("livekit.egress.enabled", true,
                "postcall.azure.account-name", "acct", "postcall.azure.account-key", "key"));
        assertThat(WorkerCommand.roomEgress(on, "http://127.0.0.1:1", "k", "s").blobName("westbury", "J1")).endsWith("/J1.ogg");
    }

    Run run(java.util.function.Function<String, String> env, String... args) {
        WorkerCommand cmd = new WorkerCommand();
        cmd.env = env;
        StringWriter err = new StringWriter();
        int exit = new CommandLine(cmd).setExecutionExceptionHandler(new UserErrorHandler())
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, err.toString().strip());
    }
}
