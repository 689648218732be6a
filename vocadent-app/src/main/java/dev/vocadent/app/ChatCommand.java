package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.core.tools.PhoneNumbers;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocadent chat}: talk to a clinic's agent as a caller, one line per turn, on the text channel. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talk to a clinic's agent as a caller: one line of stdin per caller turn; end of input hangs up.",
                "A line 'dtmf: 123#' presses keys instead. Without --backend-url the demo backend runs in-process."})
final class ChatCommand implements Callable<Integer> {
    @Option(names = "--clinic", required = true, description = "Clinic id, e.g. westbury.")
    String clinic;

    @Option(names = "--json", description = "One JSON object per line on stdout (see README).")
    boolean json;

    @Option(names = "--brain", defaultValue = "offline", description = "offline or openai (default: ${DEFAULT-VALUE}).")
    String brainName;

    @Option(names = "--backend-url", description = "A running backend, e.g. http://127.0.0.1:8080. Default: in-process demo backend.")
    String backendUrl;

    @Option(names = "--token", description = "The clinic's backend token (with --backend-url; default $VOCADENT_BACKEND_TOKEN).")
    String token;

    @Option(names = "--caller", description = "The caller's phone number, as a phone line would show it (pre-fills the patient phone).")
    String caller;

    private final Function<String, Brain> brains;
    private final InputStream in;
    private final PrintStream out;
    private final Clock clock;
    private final Path dataDir;

    ChatCommand() {
        this(null, System.in, System.out, Clock.systemUTC(), null);
    }

    /**
     * For tests: {@code brains} replaces the {@link BrainFactory} (null → the default one), {@code dataDir}
     * the demo backend's data directory (null → the configured data-dir).
     */
    ChatCommand(Function<String, Brain> brains, InputStream in, PrintStream out, Clock clock, Path dataDir) {
        this.brains = brains;
        this.in = in;
        this.out = out;
        this.clock = clock;
        this.dataDir = dataDir;
    }

    @Override
    public Integer call() throws Exception {
        Config settings = Settings.load();
        if (!BrainFactory.NAMES.contains(brainName)) {
            throw new UserError("unknown brain '" + brainName + "' (use one of: " + String.join(", ", BrainFactory.NAMES) + ")");
        }
        String callerPhone = null;
        if (caller != null) {
            callerPhone = PhoneNumbers.toE164(caller).orElseThrow(() -> new UserError("--caller '" + caller
                    + "' is not a phone number"));
        }
        if (backendUrl == null && !clinic.equals(DemoClinics.WESTBURY) && !clinic.equals(DemoClinics.DENTAL2)) {
            throw new UserError("unknown clinic '" + clinic + "' (the demo backend has: westbury, dental2)");
        }
        URI url = backendUrl == null ? null : uri(backendUrl);
        String t = token != null ? token : System.getenv("VOCADENT_BACKEND_TOKEN");
        if (url != null && (t == null || t.isBlank())) {
            throw new UserError("--backend-url needs the clinic's token: --token or VOCADENT_BACKEND_TOKEN");
        }
        Brain brain = brains != null ? brains.apply(brainName) : BrainFactory.DEFAULT.create(brainName, settings);
        EmbeddedBackend embedded = null;
        HttpBackendClient backend = null;
        try {
            if (url == null) {
                embedded = EmbeddedBackend.startDemo(dataDir != null ? dataDir
                        : Path.of(settings.getString("data-dir")), clock);
                backend = HttpBackendClient.create(embedded.baseUrl(), clinic, DemoClinics.tokenOf(clinic));
            } else {
                backend = HttpBackendClient.create(url, clinic, t);
            }
            ClinicConfig config = load(backend);
            return converse(config, backend, brain, callerPhone, settings);
        } finally {
            if (backend != null) {
                backend.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private ClinicConfig load(BackendClient backend) {
        try {
            return backend.customerConfig();
        } catch (BackendException e) {
            if (e.isNotFound()) {
                throw new UserError("unknown clinic '" + clinic + "'");
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new UserError("the backend refused the token for clinic '" + clinic + "'");
            }
            throw new UserError("cannot load clinic '" + clinic + "' from the backend: " + e.getMessage(), 1);
        }
    }

    private int converse(ClinicConfig config, BackendClient backend, Brain brain, String callerPhone, Config settings)
            throws Exception {
        ChatPrinter printer = new ChatPrinter(out, json);
        CallState state = new CallState("chat-" + UUID.randomUUID(), null, config, callerPhone);
        CallSession session = CallSession.builder(state).settings(settings).backend(backend).brain(brain).clock(clock)
                .callControl(new CallControl() {
                    @Override
                    public void hangUp(String reason) {
                        // the session ends itself; the chat simply stops reading
                    }

                    @Override
                    public CompletableFuture<Boolean> transfer(String number) {
                        return CompletableFuture.completedFuture(false); // text chat cannot reach a phone
                    }
                })
                .listener(printer).build();
        if (!json) {
            out.println(config.customer().name() + " (" + config.customerId() + "): you are the caller. "
                    + "One line per turn; end of input (Ctrl-D) hangs up.");
        }
        session.start();
        boolean echo = System.console() == null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            printer.yourTurn.acquire();
            if (session.isEnded()) {
                break;
            }
            if (!echo && !json) {
                out.print("you> ");
                out.flush();
            }
            String line = reader.readLine();
            if (line == null) {
                session.callerLeft();
                break;
            }
            if (line.isBlank()) {
                printer.yourTurn.release();
                continue;
            }
            if (echo) {
                printer.caller(line.strip());
            }
            if (line.strip().toLowerCase().startsWith("dtmf:")) {
                for (char c : line.strip().substring(5).strip().toCharArray()) {
                    session.callerDtmf(c);
                }
            } else {
                session.callerSaid(line);
            }
        }
        session.ended().join();
        out.flush();
        return 0;
    }

    private static URI uri(String raw) {
        try {
            URI u = new URI(raw);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new UserError("--backend-url must be an http(s) URL, got '" + raw + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new UserError("--backend-url must be an http(s) URL, got '" + raw + "'");
        }
    }
}
