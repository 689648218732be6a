package dev.vocadent.core.tools;

/** A tool refused its arguments; the message goes back to the brain and the state is unchanged. */
final class ToolArgumentException extends RuntimeException {
    ToolArgumentException(String message) {
        super(message, null, false, false);
    }
}
