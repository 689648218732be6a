package dev.vocadent.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.state.CallStateView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientToolsTest {
    final ToolHarness h = new ToolHarness();

    @Test
    void nameIsRecordedAndCorrectionsOverwrite() {
        assertThat(h.call("update_name", "{\"name\":\"  Jane   Smith \"}").ok()).isTrue();
        assertThat(h.state.name()).isEqualTo("Jane Smith");
        h.call("update_name", "{\"name\":\"Jayne Smith\"}");
        assertThat(h.state.name()).isEqualTo("Jayne Smith");
    }

    @Test
    void missingOrNonsenseNameIsRefusedAndChangesNothing() {
        CallStateView before = h.view();
        assertThat(h.call("update_name", "{}").message()).contains("Missing argument 'name'");
        assertThat(h.call("update_name", "{\"name\":\"12345\"}").ok()).isFalse();
        assertThat(h.view()).isEqualTo(before);
    }

    @Test
    void callerNumberPrefillsPatientPhone() {
        assertThat(h.state.patientPhone()).isEqualTo("+447700900123");
    }

    @Test
    void phoneNumbersAreNormalisedToE164() {
        assertThat(PhoneNumbers.toE164("07700 900456")).contains("+447700900456");
        assertThat(PhoneNumbers.toE164("(0117) 496-0123")).contains("+441174960123");
        assertThat(PhoneNumbers.toE164("0044 7700 900456")).contains("+447700900456");
        assertThat(PhoneNumbers.toE164("+44 (0)7700 900456")).contains("+447700900456");
        assertThat(PhoneNumbers.toE164("447700900456")).contains("+447700900456");
        assertThat(PhoneNumbers.toE164("+1 415 555 0100")).contains("+14155550100");
        assertThat(PhoneNumbers.toE164("0770")).isEmpty();
        assertThat(PhoneNumbers.toE164("call me")).isEmpty();
        assertThat(PhoneNumbers.toE164("12345678")).isEmpty();
        assertThat(h.call("update_phone_number", "{\"phone_number\":\"07700 900456\"}").ok()).isTrue();
        assertThat(h.state.patientPhone()).isEqualTo("+447700900456");
    }

    @Test
    void badPhoneNumberIsRefusedAndKeepsTheOldOne() {
        var r = h.call("update_phone_number", "{\"phone_number\":\"077 00\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("not a valid phone number");
        assertThat(h.state.patientPhone()).isEqualTo("+447700900123");
    }

    @Test
    void dateOfBirthMustBeARealPastDateWithin120Years() {
        assertThat(h.call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}").ok()).isTrue();
        assertThat(h.state.dateOfBirth()).isEqualTo(LocalDate.of(1985, 4, 12));
        assertThat(h.call("update_patient_dob", "{\"date_of_birth\":\"2030-01-01\"}").message()).contains("not in the past");
        assertThat(h.call("update_patient_dob", "{\"date_of_birth\":\"2026-03-02\"}").message()).contains("not in the past");
        assertThat(h.call("update_patient_dob", "{\"date_of_birth\":\"1900-01-01\"}").message()).contains("120 years");
        assertThat(h.call("update_patient_dob", "{\"date_of_birth\":\"1990-02-30\"}").message()).contains("real date");
        assertThat(h.call("update_patient_dob", "{\"date_of_birth\":\"12/04/1985\"}").message()).contains("YYYY-MM-DD");
        assertThat(h.state.dateOfBirth()).isEqualTo(LocalDate.of(1985, 4, 12));
    }

    @Test
    void patientTypeAndRelationshipTakeTheirEnums() {
        assertThat(h.call("update_patient_type", "{\"patient_type\":\"Existing\"}").ok()).isTrue();
        assertThat(h.state.patientType()).isEqualTo(PatientType.EXISTING);
        assertThat(h.call("update_patient_relationship", "{\"relationship\":\"dependent\"}").ok()).isTrue();
        assertThat(h.state.relationship()).isEqualTo(Relationship.DEPENDENT);
        var r = h.call("update_patient_type", "{\"patient_type\":\"vip\"}");
        assertThat(r.message()).contains("new, existing");
        assertThat(h.call("update_patient_relationship", "{\"relationship\":\"spouse\"}").ok()).isFalse();
        assertThat(h.state.patientType()).isEqualTo(PatientType.EXISTING);
        assertThat(h.state.relationship()).isEqualTo(Relationship.DEPENDENT);
    }

    @Test
    void getPatientTypeListsWhatIsMissing() {
        var r = h.call("get_patient_type", "{}");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("date of birth").doesNotContain("phone number");
        assertThat(h.backend.lookups()).isEmpty();
    }

    @Test
    void getPatientTypeFindsAnExistingPatientWithoutRevealingDetails() {
        h.backend.addPatient("Jane Smith", "+447700900123", LocalDate.of(1985, 4, 12));
        h.call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}");
        h.call("update_name", "{\"name\":\"Jane Smith\"}");
        var r = h.call("get_patient_type", "{}");
        assertThat(r.ok()).isTrue();
        assertThat(r.message()).contains("existing");
        assertThat(h.state.patientType()).isEqualTo(PatientType.EXISTING);
        assertThat(h.state.patientId()).isNotNull();
    }

    @Test
    void getPatientTypeWithAnotherNameNeverSaysTheStoredName() {
        h.backend.addPatient("Margaret Brown", "+447700900123", LocalDate.of(1985, 4, 12));
        h.call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}");
        h.call("update_name", "{\"name\":\"Jane Smith\"}");
        var r = h.call("get_patient_type", "{}");
        assertThat(r.message()).contains("does not match").doesNotContain("Margaret").doesNotContain("Brown");
        assertThat(r.data()).isNull();
    }

    @Test
    void getPatientTypeForAnUnknownPatientSaysNew() {
        h.call("update_patient_dob", "{\"date_of_birth\":\"1985-04-12\"}");
        assertThat(h.call("get_patient_type", "{}").message()).contains("new patient");
        assertThat(h.state.patientType()).isEqualTo(PatientType.NEW);
    }
}
