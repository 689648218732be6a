package dev.vocadent.providers.local.brain;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.AvailabilityResponse;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.providers.local.brain.eval.CallUnderTest;
import dev.vocadent.providers.local.brain.eval.Scenario;
import dev.vocadent.providers.local.brain.eval.SessionCall;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Scenario calls through the real stack: CallSession + the 18 tools + FakeBackend, with the offline brain.
 * Like the demo backend, the diary only offers slots within {@value #HORIZON_DAYS} days from today.
 */
final class SessionScenarios {
    /** The demo backend's booking horizon (BackendOptions.local: 14 days). */
    static final int HORIZON_DAYS = 14;

    private SessionScenarios() {}

    /** FakeBackend with the demo backend's booking horizon. */
    private static final class WithHorizon extends ForwardingBackend {
        private final Clock clock;

        WithHorizon(FakeBackend fake, Clock clock) {
            super(fake);
            this.clock = clock;
        }

        @Override
        public AvailabilityResponse checkAvailability(AvailabilityRequest request) {
            LocalDate last = LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))).plusDays(HORIZON_DAYS - 1);
            return new AvailabilityResponse(super.checkAvailability(request).slots().stream()
                    .filter(s -> !s.start().atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate().isAfter(last))
                    .toList());
        }
    }

    static CallUnderTest start(Scenario s) {
        ClinicConfig clinic = switch (s.clinic()) {
            case "westbury" -> DemoClinics.westbury();
            case "dental2" -> DemoClinics.dental2();
            default -> throw new IllegalArgumentException("unknown clinic " + s.clinic());
        };
        Clock clock = Clock.fixed(s.now().atZone(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("UTC"));
        FakeBackend backend = new FakeBackend(clinic, clock);
        boolean transferReaches = true;
        for (Scenario.Directive d : s.backend()) {
            switch (d.kind()) {
                case "existing-patient" -> backend.addPatient(d.args().get("name"), d.args().get("phone"),
                        LocalDate.parse(d.args().get("dob")));
                case "slot-taken-once" -> backend.failNextBooking(409);
                case "fully-booked" -> backend.noAvailability(true);
                case "transfer-fails" -> transferReaches = false;
                default -> throw new IllegalArgumentException("unknown backend directive " + d.kind());
            }
        }
        return new SessionCall(clinic, "scenario-" + Math.abs(s.name().hashCode()), s.callerPhone(), new WithHorizon(backend, clock),
                new OfflineBrain(), clock, transferReaches);
    }
}
