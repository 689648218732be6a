package dev.vocadent.core.config;

import dev.vocadent.core.api.BookingType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A practice's configuration: what {@code GET /customer-config/{customer_id}} returns. Parse and
 * validate with {@link ClinicConfigs#parse}; a config obtained that way has every required field.
 *
 * @param customerId         the clinic's id (tenant key), e.g. {@code westbury}
 * @param customer           the practice itself: name, numbers it answers, address, hours
 * @param systemPrompt       the practice's own instructions for the agent
 * @param greeting           the first words the agent says on answering
 * @param consultationTypes  consultation name → details, e.g. {@code check-up}
 * @param doctors            the clinicians callers can ask for
 * @param voice              the TTS voice; null → the deployment's default voice
 * @param sttKeyterms        words speech recognition should favour (names, treatments)
 * @param languages          BCP-47 languages the practice answers in, first is the default
 * @param slackWebhookRef    where the Slack webhook secret lives, e.g. {@code env:WESTBURY_SLACK_WEBHOOK}; null → no Slack
 * @param slackFullPatientDetails true → the practice's own Slack may show full phone numbers and dates of birth
 * @param recordingRetentionDays days recordings and transcripts are kept
 * @param frontDeskNumber    where a call is transferred to reach a person (E.164); null → no transfer
 * @param onCallInstructions practice-approved wording for urgent cases when no emergency slot fits; null → none
 * @param version            bumped by the backend on every change of the config (0 when never stored)
 */
public record ClinicConfig(
        String customerId,
        Customer customer,
        String systemPrompt,
        String greeting,
        Map<String, ConsultationType> consultationTypes,
        List<Doctor> doctors,
        VoiceConfig voice,
        List<String> sttKeyterms,
        List<String> languages,
        String slackWebhookRef,
        Boolean slackFullPatientDetails,
        Integer recordingRetentionDays,
        String frontDeskNumber,
        String onCallInstructions,
        Long version) {

    public static final int DEFAULT_RETENTION_DAYS = 90;

    public ClinicConfig {
        consultationTypes = consultationTypes == null ? Map.of() : Map.copyOf(consultationTypes);
        doctors = doctors == null ? List.of() : List.copyOf(doctors);
        sttKeyterms = sttKeyterms == null ? List.of() : List.copyOf(sttKeyterms);
        languages = languages == null || languages.isEmpty() ? List.of("en-GB") : List.copyOf(languages);
        if (slackFullPatientDetails == null) {
            slackFullPatientDetails = false;
        }
        if (version == null) {
            version = 0L;
        }
        if (recordingRetentionDays == null) {
            recordingRetentionDays = DEFAULT_RETENTION_DAYS;
        }
    }

    /** The voice block, if the practice set one (absent → use the default voice). */
    public Optional<VoiceConfig> voiceIfSet() {
        return Optional.ofNullable(voice);
    }

    /** A consultation type by its exact name, ignoring case. */
    public Optional<Map.Entry<String, ConsultationType>> consultationType(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return consultationTypes.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** A doctor by id. */
    public Optional<Doctor> doctor(String id) {
        return doctors.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** True if the named consultation type can be booked with the given booking type. */
    public boolean offers(String consultationType, BookingType bookingType) {
        return consultationType(consultationType)
                .map(e -> e.getValue().bookingTypes().contains(bookingType))
                .orElse(false);
    }
}
