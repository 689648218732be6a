package dev.vocadent.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vocadent} command. Each subcommand lives in its own class in this package. */
@Command(
        name = "vocadent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Voice front desk for dental practices.",
        subcommands = {
            ConfigCommand.class,
            ChatCommand.class,
            LiveKitCommand.class,
            OutboxCommand.class,
            CallCommand.class,
            EvalCommand.class,
            BackendCommand.class,
            DemoCommand.class,
            SipCommand.class,
            WorkerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new UserErrorHandler())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
