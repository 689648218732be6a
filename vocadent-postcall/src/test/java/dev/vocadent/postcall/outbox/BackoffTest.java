package dev.vocadent.postcall.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delaysDoubleUpToTheCapWithJitterBetweenHalfAndAll() {
        Backoff low = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), () -> 0.999999);
        assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(2500));
        assertThat(low.delay(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(low.delay(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(high.delay(3)).isBetween(Duration.ofMillis(19_990), Duration.ofSeconds(20));
        assertThat(low.delay(7)).isEqualTo(Duration.ofSeconds(150));
        assertThat(high.delay(50)).isBetween(Duration.ofMillis(299_000), Duration.ofMinutes(5));
        assertThat(low.delay(1_000)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aBaseAboveTheCapIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5), () -> 0.5))
                .hasMessageContaining("need 0 < base <= max");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(5), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
