package dev.vocadent.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.core.cache.ClinicDirectory;
import dev.vocadent.core.cache.Configs;
import dev.vocadent.core.cache.FakeSource;
import dev.vocadent.core.cache.FakeTime;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantRouterTest {
    static final ClinicConfig WESTBURY = DemoClinics.westbury();   // +441632960001
    static final ClinicConfig DENTAL2 = DemoClinics.dental2();     // +441632960002

    final FakeTime time = new FakeTime();
    final FakeSource source = new FakeSource().with(WESTBURY, DENTAL2);
    final ClinicDirectory directory = ClinicDirectory.builder(source).ticker(time.ticker()).clock(time.clock()).build();
    final TenantRouter router = TenantRouter.builder(directory).servedClinics(List.of("westbury", "dental2")).build();

    @AfterEach
    void close() {
        directory.close();
    }

    // ---- room names ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "westbury.7f3a9c, westbury",
            "dental2.call-1, dental2",
            "westbury._+447700900123_AbCd, westbury",
            "westbury.a.b.c, westbury",
            "westbury.RM_abc=, westbury",
    })
    void roomNameNamesTheClinicBeforeTheFirstDot(String room, String clinic) {
        assertThat(router.fromRoomName(room)).isEqualTo(new Route.Clinic(clinic, Route.Via.ROOM_NAME));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "westbury", "westbury.", ".7f3a9c", "westbury-7f3a9c", "westbury_7f3a9c", "WESTBURY.7f3a9c",
            "west bury.x", "westbury.x y", "westbury.x\nINFO routed to dental2", "../westbury.x", "westbury/..\\dental2.x",
            "westbury.x;DROP TABLE clinics", "westbury.x'--", "${jndi:ldap://x}.y", "wеstbury.x" /* Cyrillic e */,
            "westbury.x\u0000", "%77estbury.x", " westbury.x", "westbury.x ", "-westbury.x", "westbury.<script>",
    })
    void malformedOrInjectionLikeRoomNamesAreUnknown(String room) {
        Route r = router.fromRoomName(room);
        assertThat(r).isInstanceOf(Route.Unknown.class);
        assertThat(r.clinic()).isEmpty();
    }

    @Test
    void overlongRoomNamesAreRefusedBeforeMatching() {
        String room = "westbury." + "a".repeat(300);
        assertThat(router.fromRoomName(room)).isEqualTo(new Route.Unknown("room name is longer than 256 characters"));
    }

    @Test
    void aWellFormedRoomOfAClinicNotServedHereIsUnknownNotAnotherClinic() {
        Route r = router.fromRoomName("elsewhere.7f3a9c");
        assertThat(r).isEqualTo(new Route.Unknown("clinic 'elsewhere' is not served by this worker (vocadent.clinics)"));
        assertThat(source.loads()).isZero();
    }

    @Test
    void withoutServedClinicsRoomNamesMayNameAnyClinicAndTheDirectorySaysIfItExists() {
        TenantRouter open = TenantRouter.builder(directory).build();
        assertThat(open.fromRoomName("elsewhere.1")).isEqualTo(new Route.Clinic("elsewhere", Route.Via.ROOM_NAME));
        assertThat(directory.prefetch("elsewhere")).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().withCauseInstanceOf(dev.vocadent.core.cache.UnknownClinicException.class);
    }

    @Test
    void aConfiguredPatternWithADashSeparatorWorksWhenTheClinicPartCannotHoldADash() {
        TenantRouter dashed = TenantRouter.builder(directory)
                .roomPattern("(?<clinic>[a-z0-9]+)-(?<call>[A-Za-z0-9-]+)").build();
        assertThat(dashed.fromRoomName("dental2-abc-123").clinic()).contains("dental2");
        assertThat(dashed.fromRoomName("dental2.abc").clinic()).isEmpty();
    }

    @Test
    void aPatternWhoseClinicGroupCapturesSomethingThatIsNotAClinicIdGivesUnknown() {
        TenantRouter loose = TenantRouter.builder(directory).roomPattern("room-(?<clinic>.+)").build();
        assertThat(loose.fromRoomName("room-WESTBURY")).isEqualTo(new Route.Unknown("room name does not hold a valid clinic id"));
        assertThat(loose.fromRoomName("room-westbury").clinic()).contains("westbury");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?<call>.+)", "(?<clinic>[a-z", ""})
    void aRoomPatternWithoutAClinicGroupOrThatDoesNotCompileIsRefused(String regex) {
        assertThatThrownBy(() -> TenantRouter.builder(directory).roomPattern(regex))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vocadent.routing.room-pattern");
    }

    @Test
    void servedClinicsMustBeClinicIds() {
        assertThatThrownBy(() -> TenantRouter.builder(directory).servedClinics(List.of("westbury", "Dental 2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vocadent.clinics[1]");
    }

    // ---- dialled numbers ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"+441632960001", "441632960001", "01632960001", "01632 960001", "sip:+441632960001@sip.example.net",
            "sip:01632960001@10.0.0.1;user=phone", "tel:+44-1632-960001"})
    void dialledNumberInAnyFormRoutesToTheClinicListingIt(String dialled) {
        assertThat(router.fromDialledNumber(dialled)).isEqualTo(new Route.Clinic("westbury", Route.Via.DIALLED_NUMBER));
        assertThat(router.fromDialledNumber("+441632960002").clinic()).contains("dental2");
    }

    @Test
    void aNumberNoServedClinicListsIsUnknown() {
        Route r = router.fromDialledNumber("+441632960999");
        assertThat(r).isInstanceOf(Route.Unknown.class);
        assertThat(((Route.Unknown) r).reason()).contains("not a number of any served clinic").doesNotContain("960999");
        assertThat(router.fromDialledNumber("sip:reception@host")).isEqualTo(new Route.Unknown("dialled number is not a phone number"));
    }

    @Test
    void theIndexFollowsConfigChanges() {
        assertThat(router.fromDialledNumber("+441632960001").clinic()).contains("westbury");
        // westbury's number moves to dental2: put on the directory updates the index at once
        directory.put(Configs.withNumbers(WESTBURY, 5, "+441632960011"));
        directory.put(Configs.withNumbers(DENTAL2, 5, "+441632960002", "+441632960001"));
        assertThat(router.fromDialledNumber("01632 960001").clinic()).contains("dental2");
        assertThat(router.fromDialledNumber("01632 960011").clinic()).contains("westbury");
    }

    @Test
    void theIndexReloadsAClinicAfterItsConfigIsInvalidatedOrExpires() {
        router.fromDialledNumber("+441632960001");
        source.with(Configs.withNumbers(WESTBURY, 6, "+441632960021"));
        directory.invalidate("westbury");
        assertThat(router.fromDialledNumber("+441632960021").clinic()).contains("westbury");
        assertThat(router.fromDialledNumber("+441632960001")).isInstanceOf(Route.Unknown.class);

        source.with(Configs.withNumbers(WESTBURY, 7, "+441632960031"));
        time.advance(Duration.ofSeconds(301));
        assertThat(directory.getIfPresent("westbury")).isEmpty(); // expiry noticed; the index drops westbury
        dev.vocadent.core.cache.Await.until(() -> router.fromDialledNumber("+441632960031").clinic().isPresent(), "reindexed");
        assertThat(router.fromDialledNumber("+441632960031").clinic()).contains("westbury");
    }

    @Test
    void aNumberListedByTwoClinicsRoutesToNeither() {
        directory.put(Configs.withNumbers(DENTAL2, 5, "+441632960002", "+441632960001"));
        Route r = router.fromDialledNumber("+441632960001");
        assertThat(r).isEqualTo(new Route.Unknown("dialled number +44*******001 is listed by more than one clinic [dental2, westbury]"));
    }

    @Test
    void whenAServedClinicsConfigCannotBeLoadedTheReasonSaysSo() {
        source.failWith(new IllegalStateException("backend down"));
        Route r = router.fromDialledNumber("+441632960001");
        assertThat(((Route.Unknown) r).reason()).contains("could not be loaded").contains("westbury").contains("dental2");

        source.recover();
        time.advance(Duration.ofSeconds(11));
        assertThat(router.fromDialledNumber("+441632960001").clinic()).contains("westbury");
    }

    @Test
    void withoutServedClinicsDialledNumbersCannotBeRouted() {
        TenantRouter open = TenantRouter.builder(directory).build();
        assertThat(open.fromDialledNumber("+441632960001"))
                .isEqualTo(new Route.Unknown("no clinics to route dialled numbers to: vocadent.clinics is empty"));
    }

    @Test
    void warmUpLoadsEveryServedClinicSoRoutingDoesNotLoad() {
        router.warmUp().join();
        int loads = source.loads();
        assertThat(loads).isEqualTo(2);
        assertThat(router.fromDialledNumber("+441632960002").clinic()).contains("dental2");
        assertThat(source.loads()).isEqualTo(loads);
    }
}
