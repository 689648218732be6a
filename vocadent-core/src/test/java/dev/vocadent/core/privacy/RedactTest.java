package dev.vocadent.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void phoneKeepsOnlyCountryCodeAndLastThreeDigits() {
        assertThat(Redact.phone("+447700900123")).isEqualTo("+44*******123");
        assertThat(Redact.phone("07700900123")).isEqualTo("07******123");
        assertThat(Redact.phone("123")).isEqualTo("***");
        assertThat(Redact.phone(null)).isEqualTo("***");
    }

    @Test
    void dateOfBirthIsNeverShown() {
        assertThat(Redact.dateOfBirth(LocalDate.of(1980, 5, 1))).doesNotContain("1980").doesNotContain("05");
    }

    @Test
    void nameKeepsInitials() {
        assertThat(Redact.name("Sarah Patel")).isEqualTo("S**** P****");
    }
}
