package dev.vocadent.livekit.worker;

/**
 * Runs one assigned job (one call): join the room with the job's token, talk, leave. Called on a
 * virtual thread of its own; return when the call is over. Throwing marks the job failed.
 * Interruption means the server terminated the job or the worker is shutting down: leave promptly.
 */
@FunctionalInterface
public interface JobHandler {
    void run(JobContext job) throws Exception;
}
