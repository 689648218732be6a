package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceChunkerTest {
    /** Feeds text in small deltas as an LLM streams, then flushes. */
    static List<String> chunk(String text, int deltaSize) {
        SentenceChunker c = new SentenceChunker();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += deltaSize) {
            out.addAll(c.push(text.substring(i, Math.min(text.length(), i + deltaSize))));
        }
        out.addAll(c.flush());
        return out;
    }

    @Test
    void splitsAtSentenceEndsWhateverTheDeltaSize() {
        String text = "Thanks for calling. Would you like NHS or private? Great! I'll book that now.";
        for (int d : new int[] {1, 2, 3, 7, 100}) {
            assertThat(chunk(text, d)).as("delta size %d", d).containsExactly("Thanks for calling.",
                    "Would you like NHS or private?", "Great!", "I'll book that now.");
        }
    }

    @Test
    void keepsAbbreviationsTimesAndPricesTogether() {
        String text = "Dr. Okafor can see you at 2:30 on Tue. 14th at St. Mary's. It costs £27.40 for the check-up. "
                + "Bring e.g. your NHS number.";
        for (int d : new int[] {1, 4, 100}) {
            assertThat(chunk(text, d)).containsExactly("Dr. Okafor can see you at 2:30 on Tue. 14th at St. Mary's.",
                    "It costs £27.40 for the check-up.", "Bring e.g. your NHS number.");
        }
    }

    @Test
    void handlesQuotesInitialsAndLineBreaks() {
        assertThat(chunk("She said \"yes.\" Then J. Smith called\nOK", 1))
                .containsExactly("She said \"yes.\"", "Then J. Smith called", "OK");
    }

    @Test
    void waitsWhenTextStopsOnADot() {
        SentenceChunker c = new SentenceChunker();
        assertThat(c.push("That costs £27.")).isEmpty();
        assertThat(c.push("40 in total. Anything")).containsExactly("That costs £27.40 in total.");
        assertThat(c.flush()).containsExactly("Anything");
        assertThat(c.flush()).isEmpty();
    }

    @Test
    void joinsVeryShortSentencesWhenAsked() {
        SentenceChunker c = new SentenceChunker(8);
        assertThat(c.push("Yes. I can do that. ")).containsExactly("Yes. I can do that.");
    }

    @Test
    void clearDropsPendingText() {
        SentenceChunker c = new SentenceChunker();
        c.push("Half a sent");
        c.clear();
        assertThat(c.flush()).isEmpty();
    }
}
