package dev.vocadent.core.state;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.outcome.CallOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything known about one call: the seed's {@code UserData} plus patient type, relationship,
 * request type and booking progress. One instance per call, only touched by that call's session
 * thread (tools run on it too), so it is a plain mutable bean. The clinic is fixed at creation: it
 * comes from the transport, never from the caller or the brain.
 */
public final class CallState {
    public static final String ANY_PROVIDER = "ANY-PROVIDER";

    private final String sessionId;
    private final String roomName;
    private final ClinicConfig customerContext;
    private final String callerPhone;
    private String systemPrompt;

    private String name;
    private String patientPhone;
    private LocalDate dateOfBirth;
    private BookingType bookingType;
    private String consultationType;
    private String serviceId;
    private String slotId;
    private String slotDayAndTiming;
    private String preferredDoctorId = ANY_PROVIDER;
    private String preferredDoctorName = ANY_PROVIDER;
    private PatientType patientType;
    private Relationship relationship;
    private RequestType requestType;
    private CallOutcome callOutcome;
    private List<Slot> lastOfferedSlots = List.of();
    private String bookingId;
    private String patientId;
    private AvailabilityRequest lastAvailabilityQuery;
    private final List<TranscriptEntry> transcript = new ArrayList<>();

    /**
     * @param sessionId   unique call id
     * @param roomName    LiveKit room or SIP Call-ID the call arrived on (may be null for chat)
     * @param clinic      the clinic bound by the transport
     * @param callerPhone the caller's number from the transport (null when withheld); pre-fills patient_phone
     */
    public CallState(String sessionId, String roomName, ClinicConfig clinic, String callerPhone) {
        this.sessionId = sessionId;
        this.roomName = roomName;
        this.customerContext = clinic;
        this.callerPhone = callerPhone;
        this.patientPhone = callerPhone;
        this.systemPrompt = clinic.systemPrompt();
    }

    public String sessionId() { return sessionId; }
    public String roomName() { return roomName; }
    public ClinicConfig customerContext() { return customerContext; }
    public String clinicId() { return customerContext.customerId(); }
    public String callerPhone() { return callerPhone; }
    public String systemPrompt() { return systemPrompt; }
    public void systemPrompt(String v) { systemPrompt = v; }

    public String name() { return name; }
    public void name(String v) { name = v; }
    public String patientPhone() { return patientPhone; }
    public void patientPhone(String v) { patientPhone = v; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public void dateOfBirth(LocalDate v) { dateOfBirth = v; }
    public BookingType bookingType() { return bookingType; }
    public void bookingType(BookingType v) { bookingType = v; }
    public String consultationType() { return consultationType; }
    public void consultationType(String v) { consultationType = v; }
    public String serviceId() { return serviceId; }
    public void serviceId(String v) { serviceId = v; }
    public String slotId() { return slotId; }
    public void slotId(String v) { slotId = v; }
    public String slotDayAndTiming() { return slotDayAndTiming; }
    public void slotDayAndTiming(String v) { slotDayAndTiming = v; }
    public String preferredDoctorId() { return preferredDoctorId; }
    public void preferredDoctorId(String v) { preferredDoctorId = v == null ? ANY_PROVIDER : v; }
    public String preferredDoctorName() { return preferredDoctorName; }
    public void preferredDoctorName(String v) { preferredDoctorName = v == null ? ANY_PROVIDER : v; }
    public PatientType patientType() { return patientType; }
    public void patientType(PatientType v) { patientType = v; }
    public Relationship relationship() { return relationship; }
    public void relationship(Relationship v) { relationship = v; }
    public RequestType requestType() { return requestType; }
    public void requestType(RequestType v) { requestType = v; }
    public List<Slot> lastOfferedSlots() { return lastOfferedSlots; }
    public void lastOfferedSlots(List<Slot> v) { lastOfferedSlots = v == null ? List.of() : List.copyOf(v); }
    public String bookingId() { return bookingId; }
    public void bookingId(String v) { bookingId = v; }
    public String patientId() { return patientId; }
    public void patientId(String v) { patientId = v; }

    /** The last availability search the agent ran (re-run after a slot was taken), null before the first. */
    public AvailabilityRequest lastAvailabilityQuery() { return lastAvailabilityQuery; }
    public void lastAvailabilityQuery(AvailabilityRequest v) { lastAvailabilityQuery = v; }

    /** The transcript so far, oldest first (read-only view; the session appends to it). */
    public List<TranscriptEntry> transcript() { return Collections.unmodifiableList(transcript); }
    public void addTranscript(TranscriptEntry entry) { transcript.add(entry); }
    /** Replaces an entry (barge-in truncation of an agent turn); an empty agent text removes the entry. */
    public void replaceTranscript(int index, TranscriptEntry entry) { transcript.set(index, entry); }
    public void removeTranscript(int index) { transcript.remove(index); }

    /** The fields as an immutable record (for JSON output and other threads). */
    public CallStateView view() { return CallStateView.of(this); }

    /** The outcome so far (null = nothing recorded yet). */
    public CallOutcome callOutcome() { return callOutcome; }

    /** Records an outcome; a weaker one never replaces a stronger one ({@link CallOutcome#merge}). */
    public void recordOutcome(CallOutcome outcome) {
        callOutcome = CallOutcome.merge(callOutcome, outcome);
    }
}
