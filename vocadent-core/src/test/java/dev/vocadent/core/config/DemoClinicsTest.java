package dev.vocadent.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.demo.DemoClinics;
import org.junit.jupiter.api.Test;

class DemoClinicsTest {
    @Test
    void westburyIsTheIssuesDemoClinic() {
        ClinicConfig c = DemoClinics.westbury();
        assertThat(c.customer().name()).isEqualTo("Westbury Dental");
        assertThat(c.customer().phoneNumbers()).containsExactly("+441632960001");
        assertThat(c.doctors()).extracting(Doctor::name).containsExactly("Dr Sarah Patel", "Dr James Okafor");
        assertThat(c.consultationTypes()).containsOnlyKeys("check-up", "hygiene appointment", "emergency appointment", "whitening consultation");
        assertThat(c.offers("hygiene appointment", BookingType.NHS)).isFalse();
        assertThat(c.voice().settings().speed()).isEqualTo(0.85);
    }

    @Test
    void dental2HasNoVoiceBlock() {
        ClinicConfig c = DemoClinics.dental2();
        assertThat(c.customer().name()).isEqualTo("Riverside Dental Care");
        assertThat(c.voiceIfSet()).isEmpty();
        assertThat(c.doctors()).extracting(Doctor::name).containsExactly("Dr Emily Chen", "Dr Tom Walsh");
    }
}
