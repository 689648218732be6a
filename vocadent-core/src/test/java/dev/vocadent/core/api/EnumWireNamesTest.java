package dev.vocadent.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import org.junit.jupiter.api.Test;

class EnumWireNamesTest {
    @Test
    void enumsTravelAsLowerSnakeCaseAndParseLeniently() throws Exception {
        assertThat(Json.write(CallOutcome.CALLBACK_REQUESTED)).isEqualTo("\"callback_requested\"");
        assertThat(Json.mapper().readValue("\"Callback requested\"", CallOutcome.class)).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(BookingType.parse("NHS")).isEqualTo(BookingType.NHS);
        assertThatThrownBy(() -> BookingType.parse("free")).hasMessage("'free' is not one of: nhs, private");
    }

    @Test
    void weakerOutcomeNeverReplacesBooked() {
        assertThat(CallOutcome.merge(CallOutcome.BOOKED, CallOutcome.ENQUIRY_ONLY)).isEqualTo(CallOutcome.BOOKED);
        assertThat(CallOutcome.merge(CallOutcome.ENQUIRY_ONLY, CallOutcome.NO_SLOTS)).isEqualTo(CallOutcome.NO_SLOTS);
        assertThat(CallOutcome.merge(CallOutcome.NO_SLOTS, CallOutcome.CALLBACK_REQUESTED)).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(CallOutcome.merge(null, CallOutcome.HUNG_UP)).isEqualTo(CallOutcome.HUNG_UP);
    }
}
