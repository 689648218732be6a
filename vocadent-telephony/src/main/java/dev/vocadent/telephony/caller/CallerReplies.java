package dev.vocadent.telephony.caller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a scripted caller answers to what the agent said: rules {@code agent words => reply | other
 * wording}, matched against the agent's turn (case-insensitive; the rule whose words come last in the
 * turn wins, as the agent's question ends its turn; a tie goes to the rule listed first). When the
 * agent asks the same thing again, the caller says it the next way (as a person would rephrase); a
 * reply with the word {@code bye} ends the call.
 */
public final class CallerReplies {
    /** One rule: the agent words it answers and the ways to say the answer. */
    public record Rule(String agentWords, List<String> replies) {}

    private final List<Rule> rules;
    private final Map<Rule, Integer> asked = new HashMap<>();

    public CallerReplies(List<Rule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a caller script needs at least one rule");
        }
        this.rules = List.copyOf(rules);
    }

    /** Parses rule lines; blank lines and {@code #} comments are skipped. */
    public static CallerReplies parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int arrow = l.indexOf("=>");
            if (arrow <= 0 || arrow == l.length() - 2) {
                throw new IllegalArgumentException("caller script line " + (i + 1) + ": expected 'agent words => reply', got: " + l);
            }
            List<String> replies = new ArrayList<>();
            for (String r : l.substring(arrow + 2).split("\\|")) {
                if (!r.isBlank()) {
                    replies.add(r.strip());
                }
            }
            rules.add(new Rule(l.substring(0, arrow).strip().toLowerCase(Locale.ROOT), List.copyOf(replies)));
        }
        return new CallerReplies(rules);
    }

    /** The reply to the agent's turn, or empty when no rule matches it. */
    public synchronized Optional<String> replyTo(String agentTurn) {
        String said = agentTurn.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Rule best = null;
        int bestAt = -1;
        for (Rule r : rules) {
            int at = said.lastIndexOf(r.agentWords());
            if (at > bestAt) {
                best = r;
                bestAt = at;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int n = asked.merge(best, 1, Integer::sum) - 1;
        return Optional.of(best.replies().get(n % best.replies().size()));
    }

    /** True when saying {@code reply} ends the call. */
    public static boolean isGoodbye(String reply) {
        return reply.toLowerCase(Locale.ROOT).matches(".*\\bbye\\b.*");
    }
}
