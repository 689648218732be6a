package dev.vocadent.postcall;

import dev.vocadent.core.api.Sentiment;

/**
 * What post-call would send for a call, computed offline without sending anything (for {@code chat}
 * and {@code demo} to show).
 *
 * @param slackJson          the Block Kit payload as Slack would receive it
 * @param slackText          the same message as terminal text
 * @param transcriptText     the readable transcript
 * @param transcriptLocation where the transcript JSON is stored
 * @param recordingLocation  where the recording is stored, or null
 * @param sentiment          the offline sentiment
 * @param summary            the summary
 */
public record Preview(String slackJson, String slackText, String transcriptText, String transcriptLocation,
                      String recordingLocation, Sentiment sentiment, String summary) {
    /** The whole preview for a terminal: the Slack message as text, then where the files go. */
    public String describe() {
        return "--- Slack message ---\n" + slackText
                + "--- stored ---\ntranscript: " + transcriptLocation + "\n"
                + (recordingLocation == null ? "" : "recording: " + recordingLocation + "\n");
    }
}
