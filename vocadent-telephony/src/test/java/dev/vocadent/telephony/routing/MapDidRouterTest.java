package dev.vocadent.telephony.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.demo.DemoClinics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapDidRouterTest {
    private final MapDidRouter router = MapDidRouter.of(DemoClinics.all());

    @Test
    void routesEveryUkFormOfAClinicNumber() {
        for (String form : new String[] {"+441632960001", "441632960001", "01632960001", "00441632960001",
                "+44 (0)1632 960001", "01632 960-001", "tel:+441632960001", "+441632960001;npdi"}) {
            assertThat(router.clinicFor(form)).as(form).contains("westbury");
        }
        assertThat(router.clinicFor("01632960002")).contains("dental2");
    }

    @Test
    void unknownOrNonNumbersRouteNowhere() {
        assertThat(router.clinicFor("+441632969999")).isEmpty();
        assertThat(router.clinicFor("reception")).isEmpty();
        assertThat(router.clinicFor("")).isEmpty();
        assertThat(router.clinicFor(null)).isEmpty();
        assertThat(router.clinicFor("1632960001")).isEmpty();
    }

    @Test
    void oneNumberForTwoClinicsIsRefused() {
        assertThatThrownBy(() -> new MapDidRouter(Map.of("call me", "x"))).hasMessageContaining("not a phone number");
    }

    @Test
    void e164NormalisationRejectsImpossibleLengths() {
        assertThat(PhoneNumbers.toE164("+1")).isEmpty();
        assertThat(PhoneNumbers.toE164("+1234567890123456")).isEmpty();
        assertThat(PhoneNumbers.toE164("07700 900123")).contains("+447700900123");
        assertThat(PhoneNumbers.toE164("+1 415 555 0100")).contains("+14155550100");
    }
}
