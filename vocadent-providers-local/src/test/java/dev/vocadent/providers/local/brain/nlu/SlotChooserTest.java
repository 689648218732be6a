package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.Slot;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SlotChooserTest {
    static final List<Slot> OFFERED = List.of(
            slot("a", "2026-03-02T10:30Z", "Dr Sarah Patel", "Monday 2 March at 10:30am"),
            slot("b", "2026-03-03T14:30Z", "Dr James Okafor", "Tuesday 3 March at 2:30pm"),
            slot("c", "2026-03-03T16:00Z", "Dr Sarah Patel", "Tuesday 3 March at 4pm"));

    static Slot slot(String id, String start, String doctor, String label) {
        OffsetDateTime s = OffsetDateTime.parse(start);
        return new Slot(id, "d", doctor, s, s.plusMinutes(30), label, "check-up");
    }

    private static OptionalInt choose(String said) {
        return SlotChooser.choose(Text.normalize(said), OFFERED);
    }

    @Test
    void byPosition() {
        assertThat(choose("the first one")).hasValue(0);
        assertThat(choose("second please")).hasValue(1);
        assertThat(choose("the last one")).hasValue(2);
        assertThat(choose("the third")).hasValue(2);
    }

    @Test
    void byTimeSaidAnyWay() {
        assertThat(choose("the 2:30")).hasValue(1);
        assertThat(choose("two thirty")).hasValue(1);
        assertThat(choose("half ten")).hasValue(0);
        assertThat(choose("the 4pm")).hasValue(2);
        assertThat(choose("4 o'clock")).hasValue(2);
    }

    @Test
    void byDayDoctorOrPartOfDay() {
        assertThat(choose("Monday's")).hasValue(0);
        assertThat(choose("the one with Dr Okafor")).hasValue(1);
        assertThat(choose("the morning one")).hasValue(0);
        assertThat(choose("tuesday with patel")).hasValue(2);
    }

    @Test
    void ambiguousOrUnrelatedAnswersChooseNothing() {
        assertThat(choose("tuesday")).isEmpty();
        assertThat(choose("with doctor patel")).isEmpty();
        assertThat(choose("hmm let me think")).isEmpty();
        assertThat(SlotChooser.choose("the first one", List.of())).isEmpty();
    }
}
