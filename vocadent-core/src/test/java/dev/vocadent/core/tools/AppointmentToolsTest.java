package dev.vocadent.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.state.CallStateView;
import org.junit.jupiter.api.Test;

class AppointmentToolsTest {
    final ToolHarness h = new ToolHarness();

    @Test
    void consultationTypeSynonymBecomesTheCanonicalNameAndServiceId() {
        var r = h.call("update_consultation_type", "{\"consultation_type\":\"Check Up\"}");
        assertThat(r.ok()).isTrue();
        assertThat(h.state.consultationType()).isEqualTo("check-up");
        assertThat(h.state.serviceId()).isEqualTo("wb-checkup");
        h.call("update_consultation_type", "{\"consultation_type\":\"scale and polish\"}");
        assertThat(h.state.consultationType()).isEqualTo("hygiene appointment");
    }

    @Test
    void unknownConsultationTypeListsTheOffersAndChangesNothing() {
        h.call("update_consultation_type", "{\"consultation_type\":\"check-up\"}");
        CallStateView before = h.view();
        var r = h.call("update_consultation_type", "{\"consultation_type\":\"root canal\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("'root canal' is not a consultation type").contains("whitening consultation");
        assertThat(h.view()).isEqualTo(before);
    }

    @Test
    void privateOnlyTypeSetsTheBookingTypeToPrivate() {
        h.call("update_booking_type", "{\"booking_type\":\"nhs\"}");
        var r = h.call("update_consultation_type", "{\"consultation_type\":\"hygienist\"}");
        assertThat(r.message()).contains("only offered as private");
        assertThat(h.state.bookingType()).isEqualTo(BookingType.PRIVATE);
    }

    @Test
    void bookingTypeMustBeOfferedForTheChosenType() {
        h.call("update_consultation_type", "{\"consultation_type\":\"whitening\"}");
        var r = h.call("update_booking_type", "{\"booking_type\":\"nhs\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("cannot be booked as nhs").contains("private");
        assertThat(h.state.bookingType()).isEqualTo(BookingType.PRIVATE);
        assertThat(h.call("update_booking_type", "{\"booking_type\":\"free\"}").message()).contains("nhs, private");
    }

    @Test
    void doctorMustExistInTheConfigOrBeAnyProvider() {
        var r = h.call("update_preferred_doctor_with_name_and_id", "{\"doctor_name\":\"Dr Who\",\"doctor_id\":\"tardis\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("Dr Sarah Patel (wb-dr-patel)");
        assertThat(h.state.preferredDoctorId()).isEqualTo(CallState.ANY_PROVIDER);
        h.call("update_preferred_doctor_with_name_and_id", "{\"doctor_name\":\"Sarah\",\"doctor_id\":\"wb-dr-patel\"}");
        assertThat(h.state.preferredDoctorId()).isEqualTo("wb-dr-patel");
        assertThat(h.state.preferredDoctorName()).isEqualTo("Dr Sarah Patel");
        h.call("update_preferred_doctor_with_name_and_id", "{\"doctor_name\":\"any\",\"doctor_id\":\"ANY-PROVIDER\"}");
        assertThat(h.state.preferredDoctorId()).isEqualTo(CallState.ANY_PROVIDER);
    }

    @Test
    void doctorWhoDoesNotDoTheChosenTypeIsRefused() {
        h.call("update_consultation_type", "{\"consultation_type\":\"whitening\"}");
        var r = h.call("update_preferred_doctor_with_name_and_id", "{\"doctor_name\":\"Dr James Okafor\",\"doctor_id\":\"wb-dr-okafor\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("does not do whitening consultation").contains("Dr Sarah Patel");
    }

    @Test
    void getConsultationTypeListsTypesWithPricesAndTheChosenOne() {
        h.call("update_consultation_type", "{\"consultation_type\":\"exam\"}");
        var r = h.call("get_consultation_type", "{}");
        assertThat(r.message()).contains("check-up (30 minutes, NHS or private, NHS band 1 is £27.40")
                .contains("hygiene appointment (30 minutes, private, £65").contains("Chosen so far: check-up");
        assertThat(r.data().get("consultation_types")).hasSize(4);
        assertThat(r.data().get("chosen").asText()).isEqualTo("check-up");
    }

    @Test
    void changingWhatIsWantedForgetsTheOfferedSlots() {
        h.readyToBook();
        assertThat(h.state.slotId()).isNotNull();
        h.call("update_consultation_type", "{\"consultation_type\":\"emergency\"}");
        assertThat(h.state.slotId()).isNull();
        assertThat(h.state.lastOfferedSlots()).isEmpty();
    }
}
