package dev.vocadent.postcall.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.Sentiment;
import dev.vocadent.core.api.SentimentLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentRulesTest {
    final LexiconSentimentAnalyzer a = new LexiconSentimentAnalyzer();

    SentimentLabel label(String... turns) {
        return a.classify(List.of(turns)).label();
    }

    @Test
    void negationTurnsPraiseIntoComplaint() {
        assertThat(label("I'm happy with that, great.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("I'm not happy at all.")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("That's not bad actually.")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void painIsAboutTheToothNotTheCall() {
        assertThat(label("I'm in terrible pain, my tooth is killing me.", "Okay, two o'clock.")).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(a.classify(List.of("My gums are bleeding and it hurts.")).reason()).contains("dental symptoms");
    }

    @Test
    void warmThanksIsPositiveButRoutineThanksIsNot() {
        assertThat(label("Thank you so much.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Okay, thanks, bye.")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void intensifiersStrengthenAndComplaintsWeighHeavily() {
        Sentiment helpful = a.classify(List.of("That's helpful."));
        Sentiment veryHelpful = a.classify(List.of("That's really very helpful."));
        assertThat(veryHelpful.score()).isGreaterThan(helpful.score());
        assertThat(label("Thanks. I've been on hold for ages and nobody called me back.")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void whatFollowsButCountsMore() {
        assertThat(label("The dentist was lovely but the booking was a nightmare and I'm really annoyed."))
                .isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        Sentiment s = a.classify(List.of("Brilliant brilliant brilliant fantastic amazing thank you so much".repeat(5)));
        assertThat(s.score()).isBetween(-1.0, 1.0);
        assertThat(a.classify(List.of()).label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(LexiconSentimentAnalyzer.phraseCount()).isGreaterThan(40);
    }
}
