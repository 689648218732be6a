package dev.vocadent.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallStateView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SlotAndBookingToolsTest {
    final ToolHarness h = new ToolHarness();

    @Test
    void availabilityNeedsConsultationAndBookingType() {
        var r = h.call("get_appointment_availability", "{}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("consultation type").contains("booking type");
        assertThat(h.backend.availabilityRequests()).isEmpty();
    }

    @Test
    void availabilityUsesTheStateAndRemembersTheOfferedSlots() {
        h.call("update_consultation_type", "{\"consultation_type\":\"check-up\"}");
        h.call("update_booking_type", "{\"booking_type\":\"private\"}");
        h.call("update_preferred_doctor_with_name_and_id", "{\"doctor_name\":\"Dr James Okafor\",\"doctor_id\":\"wb-dr-okafor\"}");
        var r = h.call("get_appointment_availability", "{\"from_date\":\"2026-03-03\",\"part_of_day\":\"afternoon\"}");
        assertThat(r.ok()).isTrue();
        var q = h.backend.availabilityRequests().getFirst();
        assertThat(q.consultationType()).isEqualTo("check-up");
        assertThat(q.preferredDoctorId()).isEqualTo("wb-dr-okafor");
        assertThat(q.fromDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(q.partOfDay()).isEqualTo(PartOfDay.AFTERNOON);
        assertThat(h.state.lastOfferedSlots()).hasSize(5).allMatch(s -> s.doctorId().equals("wb-dr-okafor")
                && s.start().getHour() >= 12);
        assertThat(r.message()).contains("Tuesday 3 March at 2:00pm with Dr James Okafor");
    }

    @Test
    void availabilityRefusesBadDates() {
        h.call("update_consultation_type", "{\"consultation_type\":\"check-up\"}");
        h.call("update_booking_type", "{\"booking_type\":\"nhs\"}");
        assertThat(h.call("get_appointment_availability", "{\"from_date\":\"2026-03-01\"}").message()).contains("in the past");
        assertThat(h.call("get_appointment_availability", "{\"from_date\":\"2026-03-10\",\"to_date\":\"2026-03-05\"}")
                .message()).contains("before from_date");
        assertThat(h.call("get_appointment_availability", "{\"part_of_day\":\"night\"}").message()).contains("morning, afternoon, any");
        assertThat(h.backend.availabilityRequests()).isEmpty();
    }

    @Test
    void noSlotsSuggestsACallback() {
        h.backend.noAvailability(true);
        h.call("update_consultation_type", "{\"consultation_type\":\"check-up\"}");
        h.call("update_booking_type", "{\"booking_type\":\"nhs\"}");
        var r = h.call("get_appointment_availability", "{}");
        assertThat(r.message()).contains("No free check-up slots").contains("no_slots");
        assertThat(h.state.lastOfferedSlots()).isEmpty();
    }

    @Test
    void aSlotTheLastSearchDidNotOfferIsRefused() {
        assertThat(h.call("update_slot_id_and_slot_day_and_timing", "{\"slot_id\":\"x\",\"slot_day_and_timing\":\"y\"}")
                .message()).contains("No slots have been offered");
        h.readyToBook();
        CallStateView before = h.view();
        var r = h.call("update_slot_id_and_slot_day_and_timing", "{\"slot_id\":\"made-up\",\"slot_day_and_timing\":\"Friday\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("was not offered");
        assertThat(h.view()).isEqualTo(before);
    }

    @Test
    void chosenSlotStoresTheSlotsOwnDayLabel() {
        h.readyToBook();
        assertThat(h.state.slotDayAndTiming()).isEqualTo("Monday 2 March at 9:00am");
    }

    @Test
    void bookingBeforeTheFieldsAreKnownListsWhatIsMissing() {
        h.call("update_name", "{\"name\":\"Jane Smith\"}");
        var r = h.call("book_appointment", "{}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("date of birth").contains("booking type").contains("consultation type")
                .contains("chosen slot").doesNotContain("name (").doesNotContain("phone");
        assertThat(h.backend.bookingKeys()).isEmpty();
        assertThat(h.state.callOutcome()).isNull();
    }

    @Test
    void bookingBooksOnceAndRecordsTheOutcome() {
        h.readyToBook();
        String slot = h.state.slotId();
        var r = h.call("book_appointment", "{}");
        assertThat(r.ok()).isTrue();
        assertThat(r.message()).contains("Booked: check-up on Monday 2 March at 9:00am with Dr").contains("Jane Smith");
        assertThat(h.state.callOutcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(h.state.bookingId()).isEqualTo(h.backend.bookings().getFirst().bookingId());
        assertThat(h.backend.bookings()).singleElement().satisfies(b -> {
            assertThat(b.slotId()).isEqualTo(slot);
            assertThat(b.callSessionId()).isEqualTo("session-1");
        });
    }

    @Test
    void idempotencyKeyIsStableAcrossRetriesSoARetryNeverBooksTwice() {
        h.readyToBook();
        h.backend.failNextBooking(503);
        var first = h.call("book_appointment", "{}");
        assertThat(first.ok()).isFalse();
        assertThat(first.message()).contains("did NOT go through").contains("try book_appointment once more");
        assertThat(h.state.callOutcome()).isNull();
        assertThat(h.call("book_appointment", "{}").ok()).isTrue();
        assertThat(h.call("book_appointment", "{}").ok()).isTrue();
        assertThat(h.backend.bookings()).hasSize(1);
        assertThat(h.backend.bookingKeys()).hasSize(3).containsOnly(IdempotencyKeys.booking("session-1", h.state.slotId()));
        assertThat(IdempotencyKeys.booking("session-1", "a")).isEqualTo(IdempotencyKeys.booking("session-1", "a"))
                .isNotEqualTo(IdempotencyKeys.booking("session-2", "a")).isNotEqualTo(IdempotencyKeys.booking("session-1", "b"));
    }

    @Test
    void takenSlotSaysSoAndOffersTheNextFreeSlots() {
        h.readyToBook();
        String slot = h.state.slotId();
        h.backend.takeSlot(slot);
        var r = h.call("book_appointment", "{}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("just taken").contains("NOT booked").contains("Free slots:");
        assertThat(h.state.callOutcome()).isNull();
        assertThat(h.state.bookingId()).isNull();
        assertThat(h.state.slotId()).isNull();
        assertThat(h.state.lastOfferedSlots()).isNotEmpty().noneMatch(s -> s.slotId().equals(slot));
        assertThat(h.backend.availabilityRequests()).hasSize(2);
        String next = h.state.lastOfferedSlots().getFirst().slotId();
        h.call("update_slot_id_and_slot_day_and_timing", "{\"slot_id\":\"" + next + "\",\"slot_day_and_timing\":\"x\"}");
        assertThat(h.call("book_appointment", "{}").ok()).isTrue();
        assertThat(h.backend.bookings()).singleElement().extracting(b -> b.slotId()).isEqualTo(next);
    }

    @Test
    void backendDownNeverClaimsABooking() {
        h.readyToBook();
        h.backend.failNextBooking(0);
        var r = h.call("book_appointment", "{}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("Do not say it is booked");
        assertThat(h.state.bookingId()).isNull();
    }
}
