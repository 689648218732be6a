package dev.vocadent.backend;

import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.PatientRecord;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Patients of a clinic; same clinic + phone + date of birth = same patient. */
final class PatientRepository {
    /** Creates or updates (the name) the patient; {@code created} tells which. */
    PatientRecord upsert(Handle h, String clinicId, Patient p) {
        return h.createQuery("""
                        INSERT INTO patients (patient_id, clinic_id, name, phone, date_of_birth)
                        VALUES (:id, :clinic, :name, :phone, :dob)
                        ON CONFLICT (clinic_id, phone, date_of_birth) DO UPDATE
                           SET name = COALESCE(EXCLUDED.name, patients.name), updated_at = now()
                        RETURNING patient_id, name, phone, date_of_birth, (xmax = 0) AS created""")
                .bind("id", UUID.randomUUID())
                .bind("clinic", clinicId)
                .bind("name", p.name())
                .bind("phone", p.phone())
                .bind("dob", p.dateOfBirth())
                .map((rs, ctx) -> new PatientRecord(rs.getString("patient_id"), rs.getString("name"), rs.getString("phone"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getBoolean("created")))
                .one();
    }

    /** The stored name of the patient with this phone and date of birth, if any (id, name). */
    Optional<String[]> find(Handle h, String clinicId, String phone, LocalDate dob) {
        return h.createQuery("SELECT patient_id, name FROM patients WHERE clinic_id = :clinic AND phone = :phone AND date_of_birth = :dob")
                .bind("clinic", clinicId).bind("phone", phone).bind("dob", dob)
                .map((rs, ctx) -> new String[] {rs.getString("patient_id"), rs.getString("name")})
                .findOne();
    }
}
