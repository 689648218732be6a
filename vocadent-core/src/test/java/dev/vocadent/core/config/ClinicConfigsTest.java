package dev.vocadent.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.api.BookingType;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ClinicConfigsTest {
    static final String WESTBURY = """
        {"customer_id":"westbury","customer":{"name":"Westbury Dental","phone_numbers":["+441632960001"],
          "address":"1 High St","opening_hours":[{"day":"monday","opens":"09:00","closes":"17:30"}]},
         "system_prompt":"You are the receptionist.","greeting":"Hello, Westbury Dental.",
         "consultation_types":{"check-up":{"service_id":"svc-1","duration_minutes":30,"booking_types":["NHS","private"],"price":"£55"}},
         "doctors":[{"id":"dr-patel","name":"Dr Sarah Patel","consultation_types":["check-up"]}],
         "voice":{"voice_id":"21m00Tcm4TlvDq8ikWAM","model":"eleven_multilingual_v2",
                  "settings":{"stability":0.7,"similarity_boost":0.9,"speed":0.85,"use_speaker_boost":true}},
         "some_future_field":{"x":1}}
        """;

    @Test
    void parsesTheSeedShapeAndToleratesUnknownFields() {
        ClinicConfig c = ClinicConfigs.parse(WESTBURY);
        assertThat(c.customerId()).isEqualTo("westbury");
        assertThat(c.customer().timezone()).isEqualTo("Europe/London");
        assertThat(c.customer().openingHours().getFirst().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(c.customer().openingHours().getFirst().closes()).isEqualTo(LocalTime.of(17, 30));
        assertThat(c.offers("Check-Up", BookingType.PRIVATE)).isTrue();
        assertThat(c.voiceIfSet()).get().extracting(v -> v.settings().speed()).isEqualTo(0.85);
        assertThat(c.recordingRetentionDays()).isEqualTo(ClinicConfig.DEFAULT_RETENTION_DAYS);
        assertThat(c.languages()).containsExactly("en-GB");
    }

    @Test
    void absentVoiceMeansDefaultVoice() {
        ClinicConfig c = ClinicConfigs.parse(WESTBURY.replaceAll("(?s)\"voice\":\\{.*?}},", ""));
        assertThat(c.voiceIfSet()).isEmpty();
    }

    @Test
    void roundTripsThroughJson() {
        ClinicConfig c = ClinicConfigs.parse(WESTBURY);
        assertThat(ClinicConfigs.parse(ClinicConfigs.toJson(c))).isEqualTo(c);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThatThrownBy(() -> ClinicConfigs.parse(WESTBURY.replace("\"name\":\"Westbury Dental\",", "")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).firstField()).isEqualTo("customer.name"));
        assertThatThrownBy(() -> ClinicConfigs.parse("{}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("customer_id: is required")
                .hasMessageContaining("greeting: is required");
    }

    @Test
    void badValuesAreNamedWithTheirPath() {
        assertThatThrownBy(() -> ClinicConfigs.parse(WESTBURY.replace("+441632960001", "01632 960001")))
                .hasMessageContaining("customer.phone_numbers[0]: must be E.164");
        assertThatThrownBy(() -> ClinicConfigs.parse(WESTBURY.replace("\"speed\":0.85", "\"speed\":7")))
                .hasMessageContaining("voice.settings.speed");
        assertThatThrownBy(() -> ClinicConfigs.parse(WESTBURY.replace("[\"NHS\",\"private\"]", "[\"free\"]")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'free' is not one of: nhs, private");
        assertThatThrownBy(() -> ClinicConfigs.parse(WESTBURY.replace("\"consultation_types\":[\"check-up\"]", "\"consultation_types\":[\"surgery\"]")))
                .hasMessageContaining("doctors[0].consultation_types: unknown consultation type 'surgery'");
        assertThatThrownBy(() -> ClinicConfigs.parse("{not json"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("$:");
    }
}
