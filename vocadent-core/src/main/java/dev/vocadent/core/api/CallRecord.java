package dev.vocadent.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.outcome.CallOutcome;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /calls}: the record of one finished call. Idempotent by {@code sessionId}.
 *
 * @param sessionId        unique id of the call
 * @param channel          chat, call (simulated), sip or livekit
 * @param callerPhone      caller number as given by the transport (masked unless the clinic allows it); may be null
 * @param outcome          final outcome
 * @param sentiment        caller sentiment; may be null if not analysed
 * @param startedAt        call start
 * @param endedAt          call end
 * @param durationSeconds  endedAt − startedAt in seconds
 * @param transcript       the transcript as JSON (turns, tool calls, DTMF)
 * @param summary          one paragraph summary; may be null
 * @param latency          per-turn latency
 * @param usage            provider usage
 * @param estimatedCostUsd estimated provider cost of the call
 * @param bookingId        the booking made on the call, if any
 * @param recordingUrl     where the recording is stored, if any
 */
public record CallRecord(
        String sessionId,
        String channel,
        String callerPhone,
        CallOutcome outcome,
        Sentiment sentiment,
        Instant startedAt,
        Instant endedAt,
        double durationSeconds,
        JsonNode transcript,
        String summary,
        List<TurnLatency> latency,
        Usage usage,
        Double estimatedCostUsd,
        String bookingId,
        String recordingUrl) {}
