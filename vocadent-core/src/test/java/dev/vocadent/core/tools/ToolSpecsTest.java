package dev.vocadent.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSpecsTest {
    @Test
    void theEighteenSeedToolsInOrder() {
        assertThat(Tools.all()).extracting(t -> t.spec().name()).containsExactly(
                "update_name", "update_phone_number", "update_patient_dob", "update_patient_type",
                "update_patient_relationship", "update_booking_type", "update_consultation_type",
                "update_preferred_doctor_with_name_and_id", "get_appointment_availability",
                "update_slot_id_and_slot_day_and_timing", "book_appointment", "get_patient_type",
                "get_consultation_type", "get_current_date_and_time_in_uk",
                "handle_callback_request_and_forward_message_to_team", "end_call", "update_request_type",
                "set_call_outcome");
    }

    @Test
    void everySchemaIsAnObjectWithDescribedPropertiesAndKnownRequiredNames() {
        for (Tool t : Tools.all()) {
            JsonNode p = t.spec().parameters();
            assertThat(p.get("type").asText()).as(t.spec().name()).isEqualTo("object");
            assertThat(t.spec().description()).isNotBlank();
            p.get("properties").properties().forEach(e ->
                    assertThat(e.getValue().get("description").asText()).as(t.spec().name() + "." + e.getKey()).isNotBlank());
            p.get("required").forEach(r -> assertThat(p.get("properties").has(r.asText())).isTrue());
        }
    }

    @Test
    void argumentNamesFollowTheContract() {
        assertThat(props("update_name")).containsExactly("name");
        assertThat(props("update_phone_number")).containsExactly("phone_number");
        assertThat(props("update_patient_dob")).containsExactly("date_of_birth");
        assertThat(props("update_preferred_doctor_with_name_and_id")).containsExactly("doctor_name", "doctor_id");
        assertThat(props("get_appointment_availability")).containsExactly("from_date", "to_date", "part_of_day");
        assertThat(props("update_slot_id_and_slot_day_and_timing")).containsExactly("slot_id", "slot_day_and_timing");
        assertThat(props("book_appointment")).isEmpty();
        assertThat(props("handle_callback_request_and_forward_message_to_team")).containsExactly("message", "reason");
        assertThat(props("end_call")).containsExactly("reason");
        assertThat(Tools.byName("set_call_outcome").spec().parameters().at("/properties/outcome/enum"))
                .extracting(JsonNode::asText).containsExactly("hung_up", "enquiry_only", "callback_requested",
                        "no_slots", "transferred", "booked");
        assertThat(Tools.byName("update_booking_type").spec().parameters().at("/properties/booking_type/enum"))
                .extracting(JsonNode::asText).containsExactly("nhs", "private");
    }

    @Test
    void noToolTakesAClinicId() {
        for (Tool t : Tools.all()) {
            assertThat(props(t.spec().name())).noneMatch(n -> n.contains("clinic") || n.contains("customer"));
        }
    }

    @Test
    void unknownToolNameIsNull() {
        assertThat(Tools.byName("delete_everything")).isNull();
    }

    @Test
    void nonObjectArgumentsAreRefused() {
        ToolHarness h = new ToolHarness();
        assertThat(h.call("update_name", "[1,2]").message()).contains("must be a JSON object");
    }

    private static List<String> props(String tool) {
        List<String> names = new ArrayList<>();
        Tools.byName(tool).spec().parameters().get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
