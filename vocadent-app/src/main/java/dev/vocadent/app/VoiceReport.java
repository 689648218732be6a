package dev.vocadent.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.json.Json;
import dev.vocadent.providers.local.brain.eval.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code eval --voice} report: per scenario the text result, the voice result (or {@code voice: skip
 * REASON}), the recogniser's word error rate and the turn latency; then the pass rates, the overall WER
 * and the latency end of speech → first agent audio (p50/p95 over all turns). As a table or JSON lines.
 */
final class VoiceReport {
    private VoiceReport() {}

    /** Nearest-rank percentile of {@code values} (null when empty). */
    static Long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String table(List<VoiceEval.Outcome> outcomes, Map<String, ScenarioRunner.Result> text, boolean verbose) {
        StringBuilder b = new StringBuilder();
        int width = Math.max(8, outcomes.stream().mapToInt(o -> o.scenario().name().length()).max().orElse(8));
        String row = "%-" + width + "s  %-8s  %-4s  %-5s  %6s  %6s  %6s%n";
        b.append(String.format(row, "scenario", "clinic", "text", "voice", "WER", "p50", "p95"));
        for (VoiceEval.Outcome o : outcomes) {
            int[] wer = o.werCounts();
            List<Long> lat = o.eosToFirstAudio();
            b.append(String.format(row, o.scenario().name(), o.scenario().clinic(), textResult(text, o),
                    o.skip() != null ? "SKIP" : o.passed() ? "PASS" : "FAIL",
                    wer[1] == 0 ? "-" : percent(wer[0], wer[1]), ms(percentile(lat, 50)), ms(percentile(lat, 95))));
            if (o.skip() != null) {
                b.append("    voice: skip ").append(o.skip()).append('\n');
                continue;
            }
            for (String f : o.result().failures()) {
                b.append("    ").append(f).append('\n');
            }
            if (verbose && !o.passed()) {
                o.heard().forEach(h -> b.append("    said: ").append(h.spoken()).append("\n    heard: ").append(h.recognised()).append('\n'));
                o.result().transcript().forEach(t -> b.append("    | ").append(t).append('\n'));
            }
        }
        Summary s = Summary.of(outcomes, text);
        b.append(String.format("text: %d/%d passed (%.1f%%)%n", s.textPassed, s.ran, rate(s.textPassed, s.ran)));
        b.append(String.format("voice: %d/%d passed (%.1f%%), %d skipped%n", s.voicePassed, s.ran, rate(s.voicePassed, s.ran), s.skipped));
        b.append(String.format("word error rate: %s (%d edits / %d words said); %d lines said again after nothing was recognised%n",
                s.words == 0 ? "-" : percent(s.edits, s.words), s.edits, s.words, s.repeats));
        b.append(String.format("latency end of speech -> first agent audio: p50 %s, p95 %s over %d turns%n",
                ms(percentile(s.latencies, 50)), ms(percentile(s.latencies, 95)), s.latencies.size()));
        List<Long> gaps = outcomes.stream().flatMap(o -> o.heardGaps().stream()).toList();
        b.append(String.format("caller's last word -> first agent audio: p50 %s, p95 %s over %d turns answered at the first attempt%n",
                ms(percentile(gaps, 50)), ms(percentile(gaps, 95)), gaps.size()));
        b.append(String.format("  its parts, p50: end of speech -> final transcript %s, final -> first brain token %s, "
                + "first token -> first audio %s%n", ms(percentile(part(outcomes, TurnLatency::eosToFinal), 50)),
                ms(percentile(part(outcomes, TurnLatency::finalToFirstToken), 50)),
                ms(percentile(part(outcomes, TurnLatency::firstTokenToAudio), 50))));
        return b.toString();
    }

    /** One JSON object per scenario, then one summary object. */
    static List<String> json(List<VoiceEval.Outcome> outcomes, Map<String, ScenarioRunner.Result> text) {
        List<String> out = new ArrayList<>();
        for (VoiceEval.Outcome o : outcomes) {
            ObjectNode n = Json.mapper().createObjectNode().put("type", "scenario").put("name", o.scenario().name())
                    .put("clinic", o.scenario().clinic()).put("text", textResult(text, o).toLowerCase());
            if (o.skip() != null) {
                n.put("voice", "skip").put("skip_reason", o.skip());
            } else {
                n.put("voice", o.passed() ? "pass" : "fail");
                ArrayNode f = n.putArray("failures");
                o.result().failures().forEach(f::add);
                int[] wer = o.werCounts();
                n.put("wer", wer[1] == 0 ? 0 : (double) wer[0] / wer[1]).put("words", wer[1]).put("repeats", o.repeats());
                ArrayNode turns = n.putArray("eos_to_first_audio_ms");
                o.eosToFirstAudio().forEach(turns::add);
                ArrayNode gaps = n.putArray("last_word_to_first_audio_ms");
                o.heardGaps().forEach(gaps::add);
                ArrayNode heard = n.putArray("heard");
                o.heard().forEach(h -> heard.addObject().put("said", h.spoken()).put("heard", h.recognised()));
            }
            out.add(n.toString());
        }
        Summary s = Summary.of(outcomes, text);
        ObjectNode sum = Json.mapper().createObjectNode().put("type", "summary").put("scenarios", s.ran + s.skipped)
                .put("skipped", s.skipped).put("text_passed", s.textPassed).put("voice_passed", s.voicePassed)
                .put("wer", s.words == 0 ? 0 : (double) s.edits / s.words).put("repeats", s.repeats).put("turns", s.latencies.size());
        Long p50 = percentile(s.latencies, 50);
        Long p95 = percentile(s.latencies, 95);
        if (p50 != null) {
            sum.put("eos_to_first_audio_p50_ms", p50).put("eos_to_first_audio_p95_ms", p95);
        }
        putPart(sum, "last_word_to_first_audio", outcomes.stream().flatMap(o -> o.heardGaps().stream()).toList());
        putPart(sum, "eos_to_final", part(outcomes, TurnLatency::eosToFinal));
        putPart(sum, "final_to_first_token", part(outcomes, TurnLatency::finalToFirstToken));
        putPart(sum, "first_token_to_audio", part(outcomes, TurnLatency::firstTokenToAudio));
        out.add(sum.toString());
        return out;
    }

    /** One part of the turn latency over every turn of the scenarios that ran. */
    static List<Long> part(List<VoiceEval.Outcome> outcomes, java.util.function.Function<TurnLatency, Long> part) {
        return outcomes.stream().flatMap(o -> o.latencies().stream()).map(part).filter(java.util.Objects::nonNull).toList();
    }

    private static void putPart(ObjectNode n, String name, List<Long> values) {
        if (!values.isEmpty()) {
            n.put(name + "_p50_ms", percentile(values, 50)).put(name + "_p95_ms", percentile(values, 95));
        }
    }

    private record Summary(int ran, int skipped, int textPassed, int voicePassed, int edits, int words, int repeats,
                           List<Long> latencies) {
        static Summary of(List<VoiceEval.Outcome> outcomes, Map<String, ScenarioRunner.Result> text) {
            int ran = 0;
            int skipped = 0;
            int textPassed = 0;
            int voicePassed = 0;
            int edits = 0;
            int words = 0;
            int repeats = 0;
            List<Long> latencies = new ArrayList<>();
            for (VoiceEval.Outcome o : outcomes) {
                if (o.skip() != null) {
                    skipped++;
                    continue;
                }
                ran++;
                textPassed += textResult(text, o).equals("PASS") ? 1 : 0;
                voicePassed += o.passed() ? 1 : 0;
                int[] w = o.werCounts();
                edits += w[0];
                words += w[1];
                repeats += o.repeats();
                latencies.addAll(o.eosToFirstAudio());
            }
            return new Summary(ran, skipped, textPassed, voicePassed, edits, words, repeats, latencies);
        }
    }

    private static String textResult(Map<String, ScenarioRunner.Result> text, VoiceEval.Outcome o) {
        ScenarioRunner.Result r = text.get(o.scenario().name());
        return r == null ? "-" : r.passed() ? "PASS" : "FAIL";
    }

    private static String percent(int edits, int words) {
        return String.format("%.1f%%", 100.0 * edits / words);
    }

    private static String ms(Long v) {
        return v == null ? "-" : v + "ms";
    }

    private static double rate(int n, int of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }
}
