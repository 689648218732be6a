package dev.vocadent.providers.local.brain.eval;

import dev.vocadent.providers.local.brain.eval.Scenario.Check;
import dev.vocadent.providers.local.brain.eval.Scenario.Directive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files ({@code *.scenario}), a line format:
 * <pre>
 * # comment
 * name: books an NHS check-up
 * clinic: westbury
 * now: 2026-03-02T09:00
 * caller-phone: +447700900123
 * backend: existing-patient name=Jon Smith dob=1980-05-04 phone=+447700900123
 * caller: hi I'd like to book a check up
 * expect outcome: booked
 * expect booking: consultation=check-up doctor=wb-dr-patel booking_type=nhs
 * expect request: type=cancellation reason=cancellation
 * expect state: name=Jon Smith dob=1980-05-04
 * expect tool: update_name name=Jon Smith
 * expect not: tool=book_appointment
 * expect said: found your record
 * expect not said: 07700
 * expect ended: transfer
 * expect hint: PHONE_NUMBER
 * expect no effects
 * </pre>
 * A bad line throws {@link IllegalArgumentException} naming the file and line.
 */
public final class ScenarioParser {
    public static final LocalDateTime DEFAULT_NOW = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final Set<String> CHECKS = Set.of("outcome", "booking", "no booking", "request", "state", "tool", "not",
            "said", "not said", "ended", "hint", "no effects");

    private ScenarioParser() {}

    /** All {@code *.scenario} files of a directory, sorted by name. */
    public static List<Scenario> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Scenario> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".scenario")).sorted().toList()) {
                out.add(read(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario read(Path file) {
        try {
            String base = file.getFileName().toString().replaceFirst("\\.scenario$", "");
            return parse(base, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario parse(String defaultName, String text) {
        String name = defaultName;
        String clinic = null;
        LocalDateTime now = DEFAULT_NOW;
        String phone = null;
        List<Directive> backend = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        String[] all = text.split("\\R");
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            int no = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("expect no effects") || line.equals("expect no booking")) {
                checks.add(new Check(line.substring(7).replace(' ', '-'), "", Map.of(), no));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw bad(defaultName, no, "expected 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "name" -> name = value;
                case "clinic" -> clinic = value;
                case "now" -> {
                    try {
                        now = LocalDateTime.parse(value);
                    } catch (DateTimeParseException e) {
                        throw bad(defaultName, no, "now: must look like 2026-03-02T09:00");
                    }
                }
                case "caller-phone" -> phone = value;
                case "backend" -> {
                    String[] kv = value.split("\\s+", 2);
                    backend.add(new Directive(kv[0], args(kv.length > 1 ? kv[1] : "")));
                }
                case "caller" -> {
                    if (value.isEmpty()) {
                        throw bad(defaultName, no, "caller: needs words");
                    }
                    lines.add(value);
                }
                default -> {
                    if (!key.startsWith("expect ")) {
                        throw bad(defaultName, no, "unknown key '" + key + "'");
                    }
                    String kind = key.substring(7).strip();
                    if (!CHECKS.contains(kind)) {
                        throw bad(defaultName, no, "unknown expectation '" + kind + "'");
                    }
                    Map<String, String> args = switch (kind) {
                        case "booking", "request", "state", "not" -> args(value);
                        case "tool" -> args(value.contains(" ") ? value.substring(value.indexOf(' ') + 1) : "");
                        default -> Map.of();
                    };
                    String v = kind.equals("tool") ? value.split("\\s+")[0] : value;
                    checks.add(new Check(kind.replace(' ', '-'), v, args, no));
                }
            }
        }
        if (clinic == null) {
            throw bad(defaultName, 0, "clinic: is required");
        }
        if (lines.isEmpty()) {
            throw bad(defaultName, 0, "at least one caller: line is required");
        }
        if (checks.isEmpty()) {
            throw bad(defaultName, 0, "at least one expect line is required");
        }
        return new Scenario(name, clinic, now, phone, List.copyOf(backend), List.copyOf(lines), List.copyOf(checks));
    }

    /** "name=Jon Smith dob=1980-05-04" → {name: "Jon Smith", dob: "1980-05-04"}. */
    static Map<String, String> args(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s.isBlank()) {
            return out;
        }
        for (String part : s.strip().split("\\s+(?=[a-z_]+=)")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + part + "'");
            }
            out.put(part.substring(0, eq), part.substring(eq + 1).strip());
        }
        return out;
    }

    private static IllegalArgumentException bad(String file, int line, String why) {
        return new IllegalArgumentException(file + (line > 0 ? ":" + line : "") + ": " + why);
    }
}
