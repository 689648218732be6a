package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.settings.Settings;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.CallControl;
import dev.vocadent.core.tenant.PhoneNumbers;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vocadent chat}: talk to a clinic's agent as a caller, one line per turn, on the text channel. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talk to a clinic's agent as a caller: one line of stdin per caller turn; end of input hangs up.",
                "A line 'dtmf: 123#' presses keys instead. Without --backend-url the demo backend runs in-process."})
final class ChatCommand implements Callable<Integer> {
    @Mixin
    AgentOptions agent = new AgentOptions();

    @Option(names = "--json", description = "One JSON object per line on stdout (see README).")
    boolean json;

    @Option(names = "--caller", description = "The caller's phone number, as a phone line would show it (pre-fills the patient phone).")
    String caller;

    private final Function<String, Brain> brains;
    private final InputStream in;
    private final PrintStream out;
    private final Clock clock;
    private final Path dataDir;
    /** Post-call processing of the chat call (tests replace it). */
    ChatPostCall.Opener postCall = ChatPostCall::open;

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
        BrainFactory.check(agent.brainName);
        String callerPhone = null;
        if (caller != null) {
            callerPhone = PhoneNumbers.callerNumber(caller).orElseThrow(() -> new UserError("--caller '" + caller
                    + "' is not a phone number"));
        }
        URI url = agent.backend();
        Brain brain = agent.brain(brains, settings);
        try (ClinicBackend backend = ClinicBackend.open(agent.clinic, url, agent.token, dataDir, clock, settings)) {
            return converse(backend.config(), backend.client(), brain, callerPhone, settings);
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
        ChatPostCall post = postCall.open(settings, dataDir, backend, config.customerId(), clock);
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
        post.finish(session, json, out);
        out.flush();
        return 0;
    }
}
