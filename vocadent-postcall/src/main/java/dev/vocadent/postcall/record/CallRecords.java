package dev.vocadent.postcall.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.api.CallRecord;
import dev.vocadent.core.privacy.Redact;
import dev.vocadent.postcall.CallAnalysis;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.PostCallSettings.Prices;

/** Builds the {@code POST /calls} record of a finished call. */
public final class CallRecords {
    private CallRecords() {}

    /** The caller number is masked unless the clinic allows full patient details. */
    public static CallRecord of(FinishedCall call, CallAnalysis analysis, String summary, JsonNode transcript,
                                Prices prices, String recordingUrl) {
        String phone = call.callerPhone() == null ? null
                : Boolean.TRUE.equals(call.clinic().slackFullPatientDetails()) ? call.callerPhone() : Redact.phone(call.callerPhone());
        return new CallRecord(call.sessionId(), call.channel().wireName(), phone, call.outcome(), analysis.sentiment(),
                call.startedAt(), call.endedAt(), call.duration().toMillis() / 1000.0, transcript, summary,
                call.latency(), call.usage(), CostEstimator.estimate(call.usage(), prices), call.bookingId(), recordingUrl);
    }
}
