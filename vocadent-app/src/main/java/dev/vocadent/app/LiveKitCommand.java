package dev.vocadent.app;

import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.livekit.provision.SipProvisioner;
import io.livekit.server.SipServiceClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocadent livekit …}: LiveKit server-side set-up with the official SDK. */
@Command(name = "livekit", mixinStandardHelpOptions = true,
        description = "LiveKit set-up (needs LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).",
        subcommands = LiveKitCommand.Provision.class)
final class LiveKitCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "provision", mixinStandardHelpOptions = true,
            description = {"Create or update, idempotently, the clinic's inbound SIP trunk (its numbers) and a dispatch rule",
                    "that puts each call in a room named <clinic>.<caller>_<random> and dispatches the Vocadent agent."})
    static final class Provision implements Callable<Integer> {
        @Option(names = "--clinic", required = true, description = "Clinic id, e.g. westbury.")
        String clinic;

        @Option(names = "--dry-run", description = "Print what would change; change nothing.")
        boolean dryRun;

        @Option(names = "--agent-name", defaultValue = "${env:VOCADENT_AGENT_NAME:-vocadent}",
                description = "Agent name the dispatch rule asks for (default: ${DEFAULT-VALUE}).")
        String agentName;

        @Option(names = "--backend-url", defaultValue = "${env:VOCADENT_BACKEND_URL:-http://127.0.0.1:8080}",
                description = "Backend to read the clinic's config from (default: ${DEFAULT-VALUE}).")
        String backendUrl;

        @Option(names = "--token", description = "The clinic's backend token (default: from ClinicTokens: VOCADENT_TOKEN_<CLINIC> or the tokens file).")
        String token;

        /** The environment (replaceable in tests). */
        java.util.function.Function<String, String> env = System::getenv;

        @Override
        public Integer call() {
            String url = env("LIVEKIT_URL");
            String key = env("LIVEKIT_API_KEY");
            String secret = env("LIVEKIT_API_SECRET");
            String t = token != null ? token : ClinicTokens.from(env).tokenOf(clinic)
                    .orElseThrow(() -> new UserError("no backend token for clinic '" + clinic + "': --token, "
                            + ClinicTokens.envName(clinic) + " or VOCADENT_CLINIC_TOKENS_FILE"));
            ClinicConfig config;
            try (HttpBackendClient backend = HttpBackendClient.create(URI.create(backendUrl), clinic, t)) {
                config = backend.customerConfig();
            } catch (BackendException e) {
                if (e.isNotFound()) {
                    throw new UserError("unknown clinic '" + clinic + "'");
                }
                throw new UserError("cannot read clinic '" + clinic + "' from " + backendUrl + ": " + e.getMessage(), 1);
            }
            String httpUrl = url.replaceFirst("^ws", "http");
            SipProvisioner provisioner = new SipProvisioner(SipServiceClient.createClient(httpUrl, key, secret), agentName);
            try {
                SipProvisioner.Plan plan = provisioner.apply(config, dryRun);
                plan.actions().forEach(a -> System.out.println((dryRun ? "would " : "") + a));
                if (plan.changesNothing()) {
                    System.out.println("clinic '" + clinic + "' is already provisioned");
                }
                return 0;
            } catch (SipProvisioner.ProvisioningException | UncheckedIOException e) {
                throw new UserError(e.getMessage(), 1);
            }
        }

        private String env(String name) {
            String v = env.apply(name);
            if (v == null || v.isBlank()) {
                throw new UserError(name + " is not set (LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are needed)");
            }
            return v;
        }
    }
}
