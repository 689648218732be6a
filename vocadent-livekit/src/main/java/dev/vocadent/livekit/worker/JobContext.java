package dev.vocadent.livekit.worker;

import java.util.Map;

/**
 * An assigned job.
 *
 * @param jobId        LiveKit job id
 * @param roomName     room the call is in (the clinic is derived from it)
 * @param serverUrl    URL to join the room at (the assignment's, or the worker's)
 * @param token        join token for the room, issued by the server (never logged)
 * @param metadata     job metadata from the dispatch
 * @param participantAttributes attributes of the participant that triggered the job, if any (e.g. sip.phoneNumber)
 */
public record JobContext(
        String jobId,
        String roomName,
        String serverUrl,
        String token,
        String metadata,
        Map<String, String> participantAttributes) {

    @Override
    public String toString() {
        return "JobContext[jobId=" + jobId + ", roomName=" + roomName + ", token=<redacted>]";
    }
}
