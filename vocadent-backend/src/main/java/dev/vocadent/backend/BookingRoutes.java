package dev.vocadent.backend;

import dev.vocadent.core.api.BookingRequest;
import io.javalin.http.Context;

/** {@code POST /book-appointment} (Idempotency-Key header honoured). */
final class BookingRoutes {
    private final ClinicRepository clinics;
    private final BookingService service;
    private final int maxBody;

    BookingRoutes(ClinicRepository clinics, BookingService service, int maxBody) {
        this.clinics = clinics;
        this.service = service;
        this.maxBody = maxBody;
    }

    void register(Routes r) {
        r.post("/book-appointment", this::book);
    }

    private void book(Context ctx) {
        String clinic = Auth.clinicOf(ctx);
        BookingRequest req = Bodies.parse(ctx, BookingRequest.class, maxBody);
        BookingService.Result result = service.book(ClinicRoutes.ownConfig(clinics, clinic), req, ctx.header("Idempotency-Key"));
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        Routes.json(ctx, 201, result.booking());
    }
}
