package dev.vocadent.postcall;

/**
 * What {@link PostCall#submit} queued for a call.
 *
 * @param sessionId           the call
 * @param transcriptLocation  where the transcript JSON will be stored (URL or file path)
 * @param recordingLocation   where the recording will be stored, or null (chat, no recording)
 * @param slack               true if the clinic's Slack will get a message
 */
public record Receipt(String sessionId, String transcriptLocation, String recordingLocation, boolean slack) {}
