package dev.vocadent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.backend.EmbeddedBackend;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on the backend: half check-availability, half book-appointment (each booking a
 * distinct free slot), at rising request rates on loopback. Latency is measured from each request's
 * <em>scheduled</em> send time, so a stalled server cannot hide queueing (no coordinated omission).
 * Starts an embedded demo backend in this JVM, creates bench clinics through the admin API, and
 * writes a Markdown report.
 *
 * <pre>java -cp 'bench/target/vocadent-bench.jar:bench/target/lib/*' dev.vocadent.bench.BackendLoad
 *      [--rates 100,250,500,750] [--seconds 10] [--out bench/results/backend.md]</pre>
 */
public final class BackendLoad {
    private static final int CLINICS = 4;
    private static final int DOCTORS = 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    record Target(String clinic, String token, List<String> doctors) {}

    record Level(int rate, int sent, long[] latencyNanos, Map<String, Integer> errors, double seconds) {}

    public static void main(String[] args) throws Exception {
        int[] rates = {100, 250, 500, 750};
        int seconds = 10;
        Path out = Path.of("bench/results/backend.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String loadBefore = Report.loadAverage();
        Path data = Files.createTempDirectory("vocadent-bench");
        try (EmbeddedBackend backend = EmbeddedBackend.startDemo(data, Clock.systemUTC())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            URI base = backend.baseUrl();
            List<Target> targets = createClinics(http, base);
            List<String[]> slots = bookableSlots(targets);
            System.err.printf("bench: %d clinics, %d bookable slots, backend at %s%n", targets.size(), slots.size(), base);
            run(http, base, targets, slots, new AtomicInteger(), 200, 10); // warm-up (JIT), not reported
            List<Level> levels = new ArrayList<>();
            AtomicInteger nextSlot = new AtomicInteger(slots.size() / 10);
            for (int rate : rates) {
                Level l = run(http, base, targets, slots, nextSlot, rate, seconds);
                levels.add(l);
                System.err.println(line(l));
            }
            String report = Report.markdown(levels, seconds, String.join(" ", args), loadBefore);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            System.out.print(report);
        }
    }

    static String line(Level l) {
        return String.format("rate %4d/s: sent %6d in %.1fs, p50 %.2f ms, p99 %.2f ms (check %.2f, book %.2f), max %.2f ms, errors %s",
                l.rate(), l.sent(), l.seconds(), Report.pct(l.latencyNanos(), 50), Report.pct(l.latencyNanos(), 99),
                Report.pct(Report.every(l.latencyNanos(), 0), 99), Report.pct(Report.every(l.latencyNanos(), 1), 99),
                Report.pct(l.latencyNanos(), 100), l.errors());
    }

    /** Creates bench clinics with many doctors (so bookings never run out of slots) and a token for each. */
    static List<Target> createClinics(HttpClient http, URI base) throws Exception {
        List<Target> out = new ArrayList<>();
        for (int c = 0; c < CLINICS; c++) {
            String id = "bench-" + c;
            ObjectNode cfg = (ObjectNode) Json.mapper().readTree(DemoClinics.json(DemoClinics.WESTBURY));
            cfg.put("customer_id", id);
            ArrayNode doctors = cfg.putArray("doctors");
            List<String> ids = new ArrayList<>();
            for (int d = 0; d < DOCTORS; d++) {
                String did = id + "-dr-" + d;
                ids.add(did);
                doctors.addObject().put("id", did).put("name", "Dr Bench " + d).putArray("consultation_types").add("check-up");
            }
            send(http, base, "PUT", "/admin/clinics/" + id + "/config", DemoClinics.ADMIN_TOKEN, Json.write(cfg), null);
            JsonNode token = Json.mapper().readTree(send(http, base, "POST", "/admin/clinics/" + id + "/tokens", DemoClinics.ADMIN_TOKEN,
                    "{\"label\":\"bench\"}", null).body());
            out.add(new Target(id, token.path("token").asText(), ids));
        }
        return out;
    }

    /** Non-overlapping 30-minute check-up slots from tomorrow on: {clinic index, slot id}. */
    static List<String[]> bookableSlots(List<Target> targets) {
        List<String[]> out = new ArrayList<>();
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.now(zone);
        for (int day = 1; day < 13; day++) {
            LocalDate d = today.plusDays(day);
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            LocalTime close = d.getDayOfWeek() == DayOfWeek.SATURDAY ? LocalTime.of(13, 0) : LocalTime.of(17, 30);
            for (LocalTime t = LocalTime.of(9, 0); !t.plusMinutes(30).isAfter(close); t = t.plusMinutes(30)) {
                for (int c = 0; c < targets.size(); c++) {
                    for (String doctor : targets.get(c).doctors()) {
                        out.add(new String[] {Integer.toString(c), doctor + "@" + STAMP.format(ZonedDateTime.of(d, t, zone)) + "@wb-checkup"});
                    }
                }
            }
        }
        java.util.Collections.shuffle(out, new java.util.Random(42));
        return out;
    }

    static Level run(HttpClient http, URI base, List<Target> targets, List<String[]> slots, AtomicInteger nextSlot, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        long[] lat = new long[total];
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        long interval = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 5_000_000L;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        for (int i = 0; i < total; i++) {
            long due = t0 + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest req;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            if (i % 2 == 0) {
                Target t = targets.get(rnd.nextInt(targets.size()));
                String doctor = rnd.nextBoolean() ? "ANY-PROVIDER" : t.doctors().get(rnd.nextInt(t.doctors().size()));
                String from = today.plusDays(rnd.nextInt(1, 12)).toString();
                req = request(base, "/check-availability", t.token(), "{\"consultation_type\":\"check-up\",\"booking_type\":\"nhs\","
                        + "\"preferred_doctor_id\":\"" + doctor + "\",\"from_date\":\"" + from + "\",\"to_date\":\"" + from + "\",\"limit\":10}", null);
            } else {
                String[] slot = slots.get(nextSlot.getAndIncrement() % slots.size());
                Target t = targets.get(Integer.parseInt(slot[0]));
                String phone = String.format("+4477%08d", rnd.nextInt(100_000_000));
                req = request(base, "/book-appointment", t.token(), "{\"slot_id\":\"" + slot[1] + "\",\"patient\":{\"name\":\"Bench Patient\","
                        + "\"phone\":\"" + phone + "\",\"date_of_birth\":\"1980-01-01\"},\"booking_type\":\"nhs\",\"consultation_type\":\"check-up\","
                        + "\"patient_type\":\"new\",\"relationship\":\"self\",\"call_session_id\":\"bench\"}", "bench-" + slot[1]);
            }
            int idx = i;
            all[i] = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
                lat[idx] = System.nanoTime() - due;
                if (e != null) {
                    errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } else if (r.statusCode() / 100 != 2) {
                    errors.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                }
                return null;
            });
        }
        CompletableFuture.allOf(all).join();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new Level(rate, total, lat, new TreeMap<>(errors), elapsed);
    }

    static HttpRequest request(URI base, String path, String token, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return b.build();
    }

    static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String token, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
