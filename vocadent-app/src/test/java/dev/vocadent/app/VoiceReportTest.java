package dev.vocadent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.providers.local.brain.eval.Scenario;
import dev.vocadent.providers.local.brain.eval.ScenarioRunner;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code eval --voice} report: skips, pass rates, WER over all words said, latency percentiles over all turns. */
class VoiceReportTest {
    static Scenario scenario(String name, String... lines) {
        return new Scenario(name, "westbury", LocalDateTime.of(2026, 3, 2, 9, 0), null, List.of(), List.of(lines), List.of());
    }

    @Test
    void aScenarioWithALineNoOneCanSayIsSkippedWithTheReason() {
        assertThat(VoiceEval.skipReason(scenario("ok", "07700 900123", "yes"))).isNull();
        assertThat(VoiceEval.skipReason(scenario("markup", "<silence>"))).isEqualTo("the caller line '<silence>' cannot be spoken");
        assertThat(VoiceEval.skipReason(scenario("mute"))).isEqualTo("the caller says nothing");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> v = List.of(500L, 100L, 400L, 200L, 300L, 600L, 700L, 800L, 900L, 1000L);
        assertThat(VoiceReport.percentile(v, 50)).isEqualTo(500L);
        assertThat(VoiceReport.percentile(v, 95)).isEqualTo(1000L);
        assertThat(VoiceReport.percentile(List.of(), 50)).isNull();
    }

    @Test
    void theTableSumsWordErrorsOverAllLinesAndPrintsSkipsWithTheirReason() {
        Scenario a = scenario("a", "doctor patel", "yes");
        Scenario b = scenario("b", "<silence>");
        VoiceEval.Outcome ran = new VoiceEval.Outcome(a, null, new ScenarioRunner.Result(a, List.of("line 3 expect outcome: outcome is none"),
                List.of()), List.of(new VoiceScenarioCall.Heard("doctor patel", "doctor patel", "doctor patel"),
                new VoiceScenarioCall.Heard("yes", "yes", "")), List.of(new TurnLatency(1L, 2L, 3L, 600L),
                new TurnLatency(null, null, null, null)), 1, List.of(1150L));
        VoiceEval.Outcome skipped = new VoiceEval.Outcome(b, "the caller line '<silence>' cannot be spoken", null, List.of(), List.of(), 0,
                List.of());
        String table = VoiceReport.table(List.of(ran, skipped),
                Map.of("a", new ScenarioRunner.Result(a, List.of(), List.of())), false);
        assertThat(table).containsPattern("a\\s+westbury\\s+PASS\\s+FAIL\\s+33.3%\\s+600ms\\s+600ms")
                .contains("    line 3 expect outcome: outcome is none")
                .containsPattern("b\\s+westbury\\s+-\\s+SKIP")
                .contains("    voice: skip the caller line '<silence>' cannot be spoken")
                .contains("text: 1/1 passed").contains("voice: 0/1 passed (0.0%), 1 skipped")
                .contains("word error rate: 33.3% (1 edits / 3 words said); 1 lines said again")
                .contains("p50 600ms, p95 600ms over 1 turns")
                .contains("caller's last word -> first agent audio: p50 1150ms, p95 1150ms over 1 turns answered at the first attempt")
                .contains("end of speech -> final transcript 1ms, final -> first brain token 2ms, first token -> first audio 3ms");
    }
}
