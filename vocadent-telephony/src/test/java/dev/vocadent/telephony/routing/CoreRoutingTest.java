package dev.vocadent.telephony.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.cache.UnknownClinicException;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.tenant.TenantRouter;
import dev.vocadent.telephony.ClinicLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The telephony's routing and config loading are vocadent-core's TenantRouter and ClinicDirectory. */
class CoreRoutingTest {
    private final Map<String, ClinicConfig> clinics = DemoClinics.all().stream()
            .collect(Collectors.toMap(ClinicConfig::customerId, Function.identity()));
    private final List<String> loads = new CopyOnWriteArrayList<>();
    private final ClinicDirectory directory = ClinicDirectory.builder(id -> {
        loads.add(id);
        return Optional.ofNullable(clinics.get(id));
    }).build();
    private final DidRouter router = DidRouter.of(
            TenantRouter.builder(directory).servedClinics(List.of(DemoClinics.WESTBURY, DemoClinics.DENTAL2)).build());

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void routesEveryFormSipCarriesOfAClinicNumber() {
        for (String form : new String[] {"+441632960001", "441632960001", "01632960001", "00441632960001",
                "+44 (0)1632 960001", "01632 960-001", "tel:+441632960001", "sip:+441632960001@127.0.0.1;user=phone"}) {
            assertThat(router.clinicFor(form)).as(form).contains(DemoClinics.WESTBURY);
        }
        assertThat(router.clinicFor("01632960002")).contains(DemoClinics.DENTAL2);
    }

    @Test
    void unknownOrNonNumbersRouteNowhere() {
        assertThat(router.clinicFor("+441632969999")).isEmpty();
        assertThat(router.clinicFor("reception")).isEmpty();
        assertThat(router.clinicFor("")).isEmpty();
        assertThat(router.clinicFor(null)).isEmpty();
        assertThat(router.clinicFor("+1")).isEmpty();
    }

    @Test
    void clinicLookupIsTheDirectoryPrefetchAndLoadsOnce() throws Exception {
        ClinicLookup lookup = ClinicLookup.of(directory);
        assertThat(lookup.lookup(DemoClinics.WESTBURY).get(5, TimeUnit.SECONDS).customerId()).isEqualTo(DemoClinics.WESTBURY);
        assertThat(lookup.lookup(DemoClinics.WESTBURY).get(5, TimeUnit.SECONDS).customerId()).isEqualTo(DemoClinics.WESTBURY);
        assertThat(loads).containsExactly(DemoClinics.WESTBURY);
    }

    @Test
    void unknownClinicLookupFailsSoTheCallGets480() {
        assertThatThrownBy(() -> ClinicLookup.of(directory).lookup("nosuch").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownClinicException.class);
    }
}
