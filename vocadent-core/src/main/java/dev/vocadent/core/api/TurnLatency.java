package dev.vocadent.core.api;

/**
 * Latency of one conversational turn in milliseconds (null = stage did not happen).
 *
 * @param eosToFinal       end of caller speech → final transcript
 * @param finalToFirstToken final transcript → first brain token
 * @param firstTokenToAudio first brain token → first TTS audio
 * @param eosToFirstAudio  end of caller speech → first agent audio out (the whole)
 */
public record TurnLatency(Long eosToFinal, Long finalToFirstToken, Long firstTokenToAudio, Long eosToFirstAudio) {}
