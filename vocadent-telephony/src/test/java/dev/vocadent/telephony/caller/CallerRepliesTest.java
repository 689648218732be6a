package dev.vocadent.telephony.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallerRepliesTest {
    private final CallerReplies replies = CallerReplies.parse(List.of(
            "# comment",
            "how can i help => i'd like a check up please",
            "nhs or privately => private please | private",
            "particular dentist => doctor patel",
            "",
            "else i can help => no thank you bye"));

    @Test
    void theRuleWhoseWordsComeLastInTheAgentsTurnAnswersIt() {
        assertThat(replies.replyTo("Hello, you’re through to Westbury. How can I help you today?")).hasValue("i'd like a check up please");
        assertThat(replies.replyTo("Private is fine with Dr Patel. Would you like a particular dentist? Or NHS or privately?"))
                .hasValue("private please");
        assertThat(replies.replyTo("What day would suit you?")).isEmpty();
    }

    @Test
    void askedAgainTheCallerSaysItTheNextWay() {
        assertThat(replies.replyTo("Would you like that on the NHS or privately?")).hasValue("private please");
        assertThat(replies.replyTo("Sorry, I didn't catch that. Would you like that on the NHS or privately?")).hasValue("private");
        assertThat(replies.replyTo("NHS or privately?")).hasValue("private please");
    }

    @Test
    void aReplyWithByeEndsTheCall() {
        assertThat(CallerReplies.isGoodbye("no thank you bye")).isTrue();
        assertThat(CallerReplies.isGoodbye("my name is abbey")).isFalse();
    }

    @Test
    void aLineWithoutAnArrowIsRejectedNamingTheLine() {
        assertThatThrownBy(() -> CallerReplies.parse(List.of("hello", "what day tomorrow")))
                .hasMessageContaining("line 1");
    }
}
