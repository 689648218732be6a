package dev.vocadent.providers.local.brain.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.providers.local.brain.nlu.Catalog.DoctorChoice;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
    final Catalog westbury = new Catalog(DemoClinics.westbury());
    final Catalog dental2 = new Catalog(DemoClinics.dental2());

    private static Optional<String> type(Catalog c, String said) {
        return c.consultation(Text.normalize(said));
    }

    private static String doctorId(Catalog c, String said, boolean answering) {
        return c.doctor(Text.normalize(said), answering)
                .map(d -> d instanceof DoctorChoice.One one ? one.doctor().id() : d.getClass().getSimpleName())
                .orElse(null);
    }

    @Test
    void westburyTypesByNameAndSynonym() {
        assertThat(type(westbury, "a check up please")).contains("check-up");
        assertThat(type(westbury, "I need an exam")).contains("check-up");
        assertThat(type(westbury, "scale and polish")).contains("hygiene appointment");
        assertThat(type(westbury, "teeth whitening")).contains("whitening consultation");
        assertThat(type(westbury, "an urgent appointment")).contains("emergency appointment");
        assertThat(type(westbury, "hello")).isEmpty();
    }

    @Test
    void dental2TypesByNameAndSynonym() {
        assertThat(type(dental2, "a checkup")).contains("examination");
        assertThat(type(dental2, "the hygienist")).contains("scale and polish");
        assertThat(type(dental2, "dental implants")).contains("implant consultation");
        assertThat(type(dental2, "teeth whitening")).isEmpty();
    }

    @Test
    void emergencyTypeComesFromNamesAndSynonyms() {
        assertThat(westbury.emergencyType()).contains("emergency appointment");
        assertThat(dental2.emergencyType()).isEmpty();
    }

    @Test
    void doctorsBySurnameFullNameOrFirstNameWhenAsked() {
        assertThat(doctorId(westbury, "Dr Patel", false)).isEqualTo("wb-dr-patel");
        assertThat(doctorId(westbury, "doctor sarah patel please", false)).isEqualTo("wb-dr-patel");
        assertThat(doctorId(westbury, "sarah", true)).isEqualTo("wb-dr-patel");
        assertThat(doctorId(westbury, "okafor", true)).isEqualTo("wb-dr-okafor");
        assertThat(doctorId(dental2, "tom please", true)).isEqualTo("rv-dr-walsh");
    }

    @Test
    void aCallersOwnFirstNameIsNotTakenForADoctorWhenNotAsked() {
        assertThat(doctorId(westbury, "sarah jones", false)).isNull();
    }

    @Test
    void descriptionsAreUnclearAndAnyoneIsAny() {
        assertThat(doctorId(westbury, "the lady doctor", true)).isEqualTo("Unclear");
        assertThat(doctorId(westbury, "the man", true)).isEqualTo("Unclear");
        assertThat(doctorId(westbury, "anyone is fine", false)).isEqualTo("Any");
        assertThat(doctorId(westbury, "no preference", true)).isEqualTo("Any");
        assertThat(doctorId(westbury, "no", true)).isEqualTo("Any");
        assertThat(doctorId(westbury, "no", false)).isNull();
    }

    @Test
    void doctorsForAConsultationType() {
        assertThat(dental2.doctorsFor("implant consultation")).extracting(Doctor::id).containsExactly("rv-dr-chen");
        assertThat(westbury.doctorsFor("whitening consultation")).extracting(Doctor::id).containsExactly("wb-dr-patel");
        assertThat(westbury.doctorsFor("check-up")).hasSize(2);
    }
}
