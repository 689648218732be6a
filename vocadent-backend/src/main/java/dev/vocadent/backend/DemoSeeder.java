package dev.vocadent.backend;

import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.demo.DemoClinics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data: the clinics westbury and dental2 (created once, never overwritten, so their bookings
 * and admin changes survive restarts) and their fixed demo tokens (present only while in demo mode).
 * Availability needs no seeding: slots follow the clinics' opening hours for the booking horizon
 * (14 days by default) from the clock.
 */
final class DemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private DemoSeeder() {}

    static void seed(ClinicRepository clinics) {
        for (ClinicConfig c : DemoClinics.all()) {
            if (clinics.createIfAbsent(c)) {
                LOG.info("demo clinic {} created", c.customerId());
            }
            clinics.addToken(c.customerId(), Tokens.hash(DemoClinics.tokenOf(c.customerId())), "demo", true);
        }
    }
}
