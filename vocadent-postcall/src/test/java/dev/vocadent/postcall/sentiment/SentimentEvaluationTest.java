package dev.vocadent.postcall.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.api.SentimentLabel;
import dev.vocadent.core.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the offline classifier on the labelled transcripts. It was tuned on the dev set, and later
 * also on the first test set (evaluated once as held-out, then retired to training); the held-out figure
 * in bench/results/sentiment.md comes from the second held-out set ({@code holdout.jsonl}, 60 calls),
 * which is never tuned on. Each report (confusion matrix, misclassified calls) goes to
 * target/sentiment-report-&lt;set&gt;.md.
 */
class SentimentEvaluationTest {
    private final LexiconSentimentAnalyzer analyzer = new LexiconSentimentAnalyzer();

    record Labelled(String id, SentimentLabel label, List<String> caller, String note) {}

    @Test
    void classifiesTheDevSetItWasTunedOn() throws Exception {
        Result r = evaluate("dev");
        write("dev", r);
        assertThat(r.accuracy()).as(r.report()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void classifiesTheFirstTestSetNowRetiredToTraining() throws Exception {
        Result r = evaluate("test");
        write("test", r);
        // 0.70 was fixed before this set was first evaluated (71.4 %, held out); it has been tuned on since
        assertThat(r.accuracy()).as(r.report()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void classifiesTheSecondHeldOutSet() throws Exception {
        Result r = evaluate("holdout");
        write("holdout", r);
        // threshold fixed (and this set committed) before the set was first evaluated
        assertThat(r.accuracy()).as(r.report()).isGreaterThanOrEqualTo(0.60);
    }

    static List<Labelled> load(String set) throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SentimentEvaluationTest.class.getResourceAsStream("/sentiment/" + set + ".jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Json.mapper().readTree(line);
                List<String> caller = new ArrayList<>();
                n.get("caller").forEach(t -> caller.add(t.asText()));
                out.add(new Labelled(n.get("id").asText(), SentimentLabel.parse(n.get("label").asText()), caller,
                        n.has("note") ? n.get("note").asText() : null));
            }
        }
        return out;
    }

    record Result(int total, int correct, int[][] matrix, List<String> misses) {
        double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("accuracy %d/%d = %.1f%%%n%n", correct, total, 100 * accuracy()));
            b.append("| actual \\ predicted | positive | neutral | negative |\n|---|---|---|---|\n");
            SentimentLabel[] ls = SentimentLabel.values();
            for (int a = 0; a < 3; a++) {
                b.append("| ").append(ls[a].wireName());
                for (int p = 0; p < 3; p++) {
                    b.append(" | ").append(matrix[a][p]);
                }
                b.append(" |\n");
            }
            b.append("\nmisclassified:\n");
            misses.forEach(m -> b.append("- ").append(m).append('\n'));
            return b.toString();
        }
    }

    Result evaluate(String set) throws Exception {
        List<Labelled> calls = load(set);
        int[][] m = new int[3][3];
        int correct = 0;
        List<String> misses = new ArrayList<>();
        for (Labelled c : calls) {
            Sentiment s = analyzer.classify(c.caller());
            m[c.label().ordinal()][s.label().ordinal()]++;
            if (s.label() == c.label()) {
                correct++;
            } else {
                misses.add(c.id() + ": expected " + c.label().wireName() + ", got " + s.label().wireName()
                        + " (" + s.score() + ", " + s.reason() + ")");
            }
        }
        return new Result(calls.size(), correct, m, misses);
    }

    private static void write(String set, Result r) throws Exception {
        Path out = Path.of("target", "sentiment-report-" + set + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# " + set + " set\n\n" + r.report());
        System.out.println("sentiment " + set + ": " + r.report());
    }
}
