package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.BookingType;
import dev.vocadent.providers.local.brain.nlu.Intents.Topic;
import org.junit.jupiter.api.Test;

class IntentsTest {
    private static String n(String s) {
        return Text.normalize(s);
    }

    @Test
    void yesAndNo() {
        assertThat(Intents.yes(n("Yeah, go ahead"))).isTrue();
        assertThat(Intents.yes(n("no, that's not right"))).isFalse();
        assertThat(Intents.no(n("nope"))).isTrue();
    }

    @Test
    void emergencyWordsAnywhere() {
        assertThat(Intents.emergency(n("my tooth got knocked out"))).isTrue();
        assertThat(Intents.emergency(n("my gum is bleeding"))).isTrue();
        assertThat(Intents.emergency(n("my face is swollen"))).isTrue();
        assertThat(Intents.emergency(n("is whitening painless"))).isFalse();
    }

    @Test
    void requestsForTheTeam() {
        assertThat(Intents.cancel(n("I can't make my appointment"))).isTrue();
        assertThat(Intents.reschedule(n("can I move my appointment"))).isTrue();
        assertThat(Intents.message(n("can I leave a message"))).isTrue();
        assertThat(Intents.callback(n("could someone ring me back"))).isTrue();
        assertThat(Intents.wantsPerson(n("can I speak to a real person"))).isTrue();
    }

    @Test
    void bookingTypeAndDependents() {
        assertThat(Intents.bookingType(n("on the NHS"))).contains(BookingType.NHS);
        assertThat(Intents.bookingType(n("privately"))).contains(BookingType.PRIVATE);
        assertThat(Intents.forSomeoneElse(n("it's for my daughter"))).isTrue();
    }

    @Test
    void sideQuestionTopics() {
        assertThat(Intents.topics(n("what time do you open"))).containsExactly(Topic.HOURS);
        assertThat(Intents.topics(n("where are you and is there parking"))).containsExactly(Topic.ADDRESS, Topic.PARKING);
        assertThat(Intents.topics(n("how much is a check-up"))).containsExactly(Topic.PRICE);
        assertThat(Intents.topics(n("I'd like a check-up"))).isEmpty();
    }
}
