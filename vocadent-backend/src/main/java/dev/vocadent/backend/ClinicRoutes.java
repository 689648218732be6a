package dev.vocadent.backend;

import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.config.ClinicConfig;
import io.javalin.http.Context;

/** {@code GET /customer-config/{customer_id}} and {@code POST /check-availability}. */
final class ClinicRoutes {
    private final ClinicRepository clinics;
    private final AvailabilityService availability;
    private final int maxBody;

    ClinicRoutes(ClinicRepository clinics, AvailabilityService availability, int maxBody) {
        this.clinics = clinics;
        this.availability = availability;
        this.maxBody = maxBody;
    }

    void register(Routes r) {
        r.get("/customer-config/{customer_id}", this::config);
        r.post("/check-availability", this::check);
    }

    private void config(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        if (!clinic.equals(ctx.pathParam("customer_id"))) {
            throw ApiException.notFound("no such clinic");
        }
        Routes.json(ctx, 200, ownConfig(clinics, clinic));
    }

    private void check(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        AvailabilityRequest req = Bodies.parse(ctx, AvailabilityRequest.class, maxBody);
        Routes.json(ctx, 200, availability.check(ownConfig(clinics, clinic), req));
    }

    /** The config of the caller's own clinic (its token exists, so the clinic does). */
    static ClinicConfig ownConfig(ClinicRepository clinics, String clinicId) {
        return clinics.config(clinicId).orElseThrow(() -> ApiException.notFound("no such clinic"));
    }
}
