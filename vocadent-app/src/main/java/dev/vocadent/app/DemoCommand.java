package dev.vocadent.app;

import dev.vocadent.backend.BackendOptions;
import dev.vocadent.backend.BackendServer;
import dev.vocadent.core.api.AvailabilityRequest;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.api.http.HttpBackendClient;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.settings.Settings;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocadent demo}: the backend with demo data on embedded defaults, and how to try it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the backend with the demo clinics on embedded PostgreSQL and print curl lines to try it. Ctrl-C stops it.")
final class DemoCommand implements Runnable {
    @Option(names = "--port", description = "Port to listen on (default: vocadent.backend.port, 8080; 0 = any free port).")
    Integer port;

    @Override
    public void run() {
        BackendOptions options = BackendOptions.fromSettings(Settings.load()).withDemo(true);
        if (port != null) {
            options = options.withPort(port);
        }
        BackendServer server = ServerLifecycle.start(options);
        System.out.print(instructions(server.baseUrl(), options));
        System.out.flush();
        ServerLifecycle.serveUntilStopped(server);
    }

    /** What the demo prints: where it listens, the tokens, and curl lines that work as printed. */
    static String instructions(URI base, BackendOptions options) {
        String slotId = firstFreeSlot(base).map(Slot::slotId).orElse("<no free slot: pick one from check-availability>");
        String auth = " -H 'Authorization: Bearer " + DemoClinics.WESTBURY_TOKEN + "'";
        String json = " -H 'Content-Type: application/json'";
        StringBuilder b = new StringBuilder();
        b.append("Vocadent demo backend listening on ").append(base).append('\n');
        b.append(options.db().isEmbedded() ? "Data: embedded PostgreSQL in " + options.db().embeddedDir() + " (bookings survive restarts)\n"
                : "Data: PostgreSQL from VOCADENT_DB_URL\n");
        b.append("Demo tokens: westbury = ").append(DemoClinics.WESTBURY_TOKEN).append(", dental2 = ").append(DemoClinics.DENTAL2_TOKEN)
                .append(", admin = ").append(DemoClinics.ADMIN_TOKEN).append('\n');
        b.append("API description: ").append(base).append("/openapi.json\n\n");
        b.append("Try it:\n");
        b.append("  curl -s ").append(base).append("/customer-config/westbury").append(auth).append('\n');
        b.append("  curl -s -X POST ").append(base).append("/check-availability").append(auth).append(json)
                .append(" -d '{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\",\"preferred_doctor_id\":\"ANY-PROVIDER\",\"limit\":3}'\n");
        b.append("  curl -s -X POST ").append(base).append("/book-appointment").append(auth).append(json)
                .append(" -H 'Idempotency-Key: demo-").append(slotId.replaceAll("[^A-Za-z0-9-]", "-")).append("'")
                .append(" -d '{\"slot_id\":\"").append(slotId)
                .append("\",\"patient\":{\"name\":\"Alex Morgan\",\"phone\":\"+447700900123\",\"date_of_birth\":\"1985-04-12\"},")
                .append("\"booking_type\":\"nhs\",\"consultation_type\":\"check-up\",\"patient_type\":\"new\",\"relationship\":\"self\",")
                .append("\"call_session_id\":\"demo-call-1\"}'\n");
        b.append("  curl -s ").append(base).append("/metrics | grep vocadent_http\n\n");
        b.append("Press Ctrl-C to stop.\n");
        return b.toString();
    }

    private static java.util.Optional<Slot> firstFreeSlot(URI base) {
        try (HttpBackendClient c = HttpBackendClient.create(base, DemoClinics.WESTBURY, DemoClinics.WESTBURY_TOKEN)) {
            List<Slot> s = c.checkAvailability(new AvailabilityRequest("check-up", null, BookingType.NHS,
                    AvailabilityRequest.ANY_PROVIDER, null, null, null, 1)).slots();
            return s.stream().findFirst();
        }
    }
}
