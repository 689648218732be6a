package dev.vocadent.postcall;

import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A call that has ended, as the session hands it to post-call processing ({@link PostCall#submit}).
 * The constructor checks what post-call needs and throws {@link IllegalArgumentException} naming the
 * field otherwise. {@link #of} builds one from a session's final {@link CallState}.
 *
 * @param sessionId        unique call id (idempotency key of every delivery)
 * @param channel          chat, call, sip or livekit
 * @param clinic           the clinic bound by the transport
 * @param callerPhone      caller number from the transport (null when withheld)
 * @param startedAt        call start
 * @param endedAt          call end (not before the start)
 * @param outcome          final outcome; null → {@code hung_up}
 * @param patientName      name given on the call, or null
 * @param patientPhone     phone given on the call (E.164), or null
 * @param dateOfBirth      date of birth given on the call, or null
 * @param requestType      request type, or null
 * @param consultationType chosen consultation type, or null
 * @param bookingType      nhs/private, or null
 * @param doctorName       preferred or booked clinician, or null
 * @param slotLabel        the chosen slot as said to the caller ("Tuesday 3 March at 2:30pm"), or null
 * @param bookingId        id of the booking made on the call, or null
 * @param booking          the booking itself when the session has it, or null
 * @param transcript       the turns, tool calls and DTMF in order
 * @param latency          per-turn latency
 * @param usage            provider usage (null → none)
 * @param recording        the call recording (Ogg) if one was made; always null for chat
 */
public record FinishedCall(
        String sessionId,
        Channel channel,
        ClinicConfig clinic,
        String callerPhone,
        Instant startedAt,
        Instant endedAt,
        CallOutcome outcome,
        String patientName,
        String patientPhone,
        LocalDate dateOfBirth,
        RequestType requestType,
        String consultationType,
        BookingType bookingType,
        String doctorName,
        String slotLabel,
        String bookingId,
        Booking booking,
        List<TranscriptEntry> transcript,
        List<TurnLatency> latency,
        Usage usage,
        Path recording) {

    public FinishedCall {
        require(sessionId != null && !sessionId.isBlank(), "session_id", "is required");
        require(sessionId.length() <= 200, "session_id", "is longer than 200 characters");
        require(channel != null, "channel", "is required");
        require(clinic != null && clinic.customerId() != null, "clinic", "is required");
        require(startedAt != null, "started_at", "is required");
        require(endedAt != null, "ended_at", "is required");
        require(!endedAt.isBefore(startedAt), "ended_at", "is before started_at");
        require(channel != Channel.CHAT || recording == null, "recording", "must be null for a chat call");
        if (outcome == null) {
            outcome = CallOutcome.HUNG_UP;
        }
        if (bookingId == null && booking != null) {
            bookingId = booking.bookingId();
        }
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        latency = latency == null ? List.of() : List.copyOf(latency);
        if (usage == null) {
            usage = Usage.NONE;
        }
    }

    /** Builds the finished call from the session's final state. */
    public static FinishedCall of(CallState state, Channel channel, Instant startedAt, Instant endedAt, Booking booking,
                                  List<TranscriptEntry> transcript, List<TurnLatency> latency, Usage usage, Path recording) {
        String doctor = CallState.ANY_PROVIDER.equals(state.preferredDoctorName()) ? null : state.preferredDoctorName();
        if (booking != null && booking.doctorName() != null) {
            doctor = booking.doctorName();
        }
        return new FinishedCall(state.sessionId(), channel, state.customerContext(), state.callerPhone(), startedAt,
                endedAt, state.callOutcome(), state.name(), state.patientPhone(), state.dateOfBirth(),
                state.requestType(), state.consultationType(), state.bookingType(), doctor,
                booking != null && booking.dayLabel() != null ? booking.dayLabel() : state.slotDayAndTiming(),
                state.bookingId(), booking, transcript, latency, usage, recording);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    public String clinicId() {
        return clinic.customerId();
    }

    /** The same call with another recording path (the outbox keeps its own copy). */
    public FinishedCall withRecording(Path path) {
        return new FinishedCall(sessionId, channel, clinic, callerPhone, startedAt, endedAt, outcome, patientName,
                patientPhone, dateOfBirth, requestType, consultationType, bookingType, doctorName, slotLabel, bookingId,
                booking, transcript, latency, usage, path);
    }

    /** Everything the caller said, in order, one turn per line. */
    public List<String> callerTurns() {
        return transcript.stream()
                .filter(e -> e.kind() == TranscriptEntry.Kind.CALLER && e.text() != null && !e.text().isBlank())
                .map(TranscriptEntry::text)
                .toList();
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("finished call: " + field + " " + problem);
        }
    }
}
