package dev.vocadent.app;

import picocli.CommandLine;

/** Prints {@link UserError}s as one line; anything else is a bug and keeps its stack trace. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (ex instanceof UserError ue) {
            cmd.getErr().println("vocadent: " + ue.getMessage());
            return ue.exitCode();
        }
        cmd.getErr().println("vocadent: internal error: " + ex);
        ex.printStackTrace(cmd.getErr());
        return 1;
    }
}
