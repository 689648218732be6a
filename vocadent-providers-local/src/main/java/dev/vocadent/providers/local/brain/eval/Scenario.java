package dev.vocadent.providers.local.brain.eval;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One scripted call: the clinic, the moment it happens (practice local time), the caller's number,
 * backend set-up directives, what the caller says turn by turn, and what must be true afterwards.
 *
 * @param name        scenario name (the file name when not given)
 * @param clinic      demo clinic id: westbury or dental2
 * @param now         local date-time of the call in the practice's zone
 * @param callerPhone the caller's number from the transport, null when withheld
 * @param backend     set-up directives for the backend ("existing-patient name=… dob=… phone=…", "slot-taken-once", "transfer-fails")
 * @param callerLines what the caller says, one turn each
 * @param checks      what must hold after the call
 */
public record Scenario(String name, String clinic, LocalDateTime now, String callerPhone, List<Directive> backend,
                       List<String> callerLines, List<Check> checks) {
    /** A backend set-up directive: a word and key=value arguments. */
    public record Directive(String kind, Map<String, String> args) {}

    /**
     * An expectation. Kinds: {@code outcome}, {@code booking}, {@code no-booking}, {@code request}, {@code state},
     * {@code tool}, {@code not-tool}, {@code said}, {@code not-said}, {@code ended}, {@code hint}, {@code no-effects}.
     */
    public record Check(String kind, String value, Map<String, String> args, int line) {}
}
