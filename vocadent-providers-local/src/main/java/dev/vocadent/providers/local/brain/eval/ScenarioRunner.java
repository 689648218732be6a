package dev.vocadent.providers.local.brain.eval;

import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.core.api.Booking;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.state.CallState;
import dev.vocadent.providers.local.brain.eval.CallUnderTest.ToolCall;
import dev.vocadent.providers.local.brain.eval.Scenario.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Plays scenarios against calls from a {@link CallUnderTest.Factory} and checks every expectation. */
public final class ScenarioRunner {
    /** Tools that only read: allowed when a scenario expects "no effects". */
    private static final Set<String> READ_ONLY = Set.of("get_consultation_type", "get_current_date_and_time_in_uk");

    /**
     * The result of one scenario.
     *
     * @param failures   one line per failed expectation (empty = passed)
     * @param transcript the conversation, for reading a failure
     */
    public record Result(Scenario scenario, List<String> failures, List<String> transcript) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final CallUnderTest.Factory factory;

    public ScenarioRunner(CallUnderTest.Factory factory) {
        this.factory = factory;
    }

    public List<Result> runAll(List<Scenario> scenarios) {
        return scenarios.stream().map(this::run).toList();
    }

    public Result run(Scenario s) {
        List<String> transcript = new ArrayList<>();
        StringBuilder agentText = new StringBuilder();
        CallUnderTest call;
        try {
            call = factory.start(s);
            String hello = call.greet();
            transcript.add("agent: " + hello);
            agentText.append(hello).append('\n');
            for (String line : s.callerLines()) {
                transcript.add("caller: " + line);
                if (call.ended()) {
                    return new Result(s, List.of("the call ended before the caller said: " + line), transcript);
                }
                String reply = call.say(line);
                transcript.add("agent: " + reply);
                agentText.append(reply).append('\n');
            }
        } catch (RuntimeException e) {
            return new Result(s, List.of("crashed: " + e), transcript);
        }
        List<String> failures = new ArrayList<>();
        for (Check c : s.checks()) {
            String problem = check(c, call, agentText.toString().toLowerCase(Locale.ROOT));
            if (problem != null) {
                failures.add("line " + c.line() + " expect " + c.kind() + ": " + problem);
            }
        }
        return new Result(s, failures, transcript);
    }

    private static String check(Check c, CallUnderTest call, String said) {
        CallState st = call.state();
        return switch (c.kind()) {
            case "outcome" -> {
                String got = st.callOutcome() == null ? "none" : st.callOutcome().wireName();
                yield got.equals(c.value()) ? null : "outcome is " + got;
            }
            case "booking" -> {
                if (call.bookings().isEmpty()) {
                    yield "nothing was booked";
                }
                Booking b = call.bookings().getLast();
                yield mismatch(c.args(), Map.of(
                        "consultation", str(b.consultationType()),
                        "doctor", str(b.doctorId()),
                        "booking_type", b.bookingType() == null ? "" : b.bookingType().wireName(),
                        "day", b.start() == null ? "" : b.start().toLocalDate().toString(),
                        "time", b.start() == null ? "" : b.start().toLocalTime().toString(),
                        "part", b.start() == null ? "" : b.start().getHour() < 12 ? "morning" : "afternoon"));
            }
            case "no-booking" -> call.bookings().isEmpty() ? null : call.bookings().size() + " booking(s) were made";
            case "request" -> {
                if (call.requests().isEmpty()) {
                    yield "no request for the team was registered";
                }
                String last = null;
                for (OtherRequest r : call.requests()) {
                    Map<String, String> got = Map.of(
                            "type", r.requestType() == null ? "" : r.requestType().wireName(),
                            "reason", str(r.reason()),
                            "message", str(r.message()));
                    last = mismatch(c.args(), got);
                    if (last == null) {
                        break;
                    }
                }
                yield last;
            }
            case "state" -> mismatch(c.args(), Map.of(
                    "name", str(st.name()),
                    "dob", st.dateOfBirth() == null ? "" : st.dateOfBirth().toString(),
                    "phone", str(st.patientPhone()),
                    "patient_type", st.patientType() == null ? "" : st.patientType().wireName(),
                    "consultation", str(st.consultationType()),
                    "booking_type", st.bookingType() == null ? "" : st.bookingType().wireName(),
                    "doctor", str(st.preferredDoctorId()),
                    "relationship", st.relationship() == null ? "" : st.relationship().wireName(),
                    "request_type", st.requestType() == null ? "" : st.requestType().wireName()));
            case "tool" -> {
                for (ToolCall t : call.toolCalls()) {
                    if (t.name().equals(c.value()) && t.result().ok() && argsMatch(c.args(), t)) {
                        yield null;
                    }
                }
                yield "no successful " + c.value() + " call with " + c.args();
            }
            case "not" -> {
                String tool = c.args().get("tool");
                yield call.toolCalls().stream().anyMatch(t -> t.name().equals(tool)) ? tool + " was called" : null;
            }
            case "said" -> said.contains(c.value().toLowerCase(Locale.ROOT)) ? null : "the agent never said '" + c.value() + "'";
            case "not-said" -> said.contains(c.value().toLowerCase(Locale.ROOT)) ? "the agent said '" + c.value() + "'" : null;
            case "ended" -> {
                for (ToolCall t : call.toolCalls()) {
                    String reason = t.args().path("reason").asText("completed");
                    if (t.name().equals("end_call") && reason.equals(c.value())) {
                        yield null;
                    }
                }
                yield "no end_call with reason " + c.value();
            }
            case "hint" -> call.hints().stream().map(ExpectedAnswer::kind).anyMatch(k -> k.name().equals(c.value()))
                    ? null : "no " + c.value() + " hint was given";
            case "no-effects" -> {
                List<String> touched = call.toolCalls().stream().map(ToolCall::name).filter(n -> !READ_ONLY.contains(n)).toList();
                if (!touched.isEmpty()) {
                    yield "tools were called: " + touched;
                }
                yield call.bookings().isEmpty() && call.requests().isEmpty() && st.callOutcome() == null ? null
                        : "the backend or the outcome was touched";
            }
            default -> "unknown expectation";
        };
    }

    private static boolean argsMatch(Map<String, String> want, ToolCall t) {
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!t.args().path(e.getKey()).asText("").equalsIgnoreCase(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String mismatch(Map<String, String> want, Map<String, String> got) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : want.entrySet()) {
            String have = got.get(e.getKey());
            if (have == null) {
                bad.add("unknown field " + e.getKey());
            } else if (e.getKey().equals("message") ? !have.toLowerCase(Locale.ROOT).contains(e.getValue().toLowerCase(Locale.ROOT))
                    : !have.equalsIgnoreCase(e.getValue())) {
                bad.add(e.getKey() + " is '" + have + "', expected '" + e.getValue() + "'");
            }
        }
        return bad.isEmpty() ? null : String.join("; ", bad);
    }

    private static String str(String s) {
        return Objects.requireNonNullElse(s, "");
    }

    /** A pass/fail table and the success rate. */
    public static String report(List<Result> results) {
        StringBuilder b = new StringBuilder();
        int width = Math.max(8, results.stream().mapToInt(r -> r.scenario().name().length()).max().orElse(8));
        b.append(String.format("%-" + width + "s  %-8s  %s%n", "scenario", "clinic", "result"));
        int passed = 0;
        for (Result r : results) {
            b.append(String.format("%-" + width + "s  %-8s  %s%n", r.scenario().name(), r.scenario().clinic(), r.passed() ? "PASS" : "FAIL"));
            for (String f : r.failures()) {
                b.append("    ").append(f).append('\n');
            }
            if (r.passed()) {
                passed++;
            }
        }
        double rate = results.isEmpty() ? 0 : 100.0 * passed / results.size();
        b.append(String.format("%d/%d passed (%.1f%%)%n", passed, results.size(), rate));
        return b.toString();
    }
}
