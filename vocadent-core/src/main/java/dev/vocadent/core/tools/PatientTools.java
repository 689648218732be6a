package dev.vocadent.core.tools;

import dev.vocadent.core.api.PatientLookup;
import dev.vocadent.core.api.PatientLookupResult;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.Relationship;
import dev.vocadent.core.state.CallState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Who the appointment is for: name, phone, date of birth, patient type, relationship. */
final class PatientTools {
    private PatientTools() {}

    static Tool updateName() {
        return new SimpleTool("update_name",
                "Record the patient's full name as the caller gave it (a correction overwrites it).",
                Schema.object().string("name", "The patient's full name, e.g. 'Jane Smith'.", true).build(),
                (ctx, args) -> {
                    String name = Args.text(args, "name").replaceAll("\\s+", " ");
                    if (name.length() > 100 || !name.matches(".*\\p{L}.*")) {
                        throw new ToolArgumentException("That does not look like a name: give the patient's name in "
                                + "letters, at most 100 characters.");
                    }
                    ctx.state().name(name);
                    return ToolResult.ok("Name recorded: " + name + ".");
                });
    }

    static Tool updatePhoneNumber() {
        return new SimpleTool("update_phone_number",
                "Record the patient's phone number (UK or international); it is stored in E.164 form.",
                Schema.object().string("phone_number",
                        "The number as the caller gave it, e.g. '07700 900123' or '+44 7700 900123'.", true).build(),
                (ctx, args) -> {
                    String raw = Args.text(args, "phone_number");
                    String e164 = PhoneNumbers.toE164(raw).orElseThrow(() -> new ToolArgumentException(
                            "'" + raw + "' is not a valid phone number: ask for a UK number such as 07700 900123, "
                                    + "or an international one starting with +."));
                    ctx.state().patientPhone(e164);
                    return ToolResult.ok("Phone number recorded: " + e164 + ".");
                });
    }

    static Tool updatePatientDob() {
        return new SimpleTool("update_patient_dob",
                "Record the patient's date of birth.",
                Schema.object().date("date_of_birth", "The patient's date of birth.", true).build(),
                (ctx, args) -> {
                    LocalDate dob = Args.optionalDate(args, "date_of_birth");
                    if (dob == null) {
                        throw new ToolArgumentException("Missing argument 'date_of_birth' (YYYY-MM-DD).");
                    }
                    LocalDate today = LocalDate.now(ctx.clock().withZone(ZoneId.of("Europe/London")));
                    if (!dob.isBefore(today)) {
                        throw new ToolArgumentException("Date of birth " + dob + " is not in the past (today is "
                                + today + "); ask the caller to repeat it.");
                    }
                    if (dob.isBefore(today.minusYears(120))) {
                        throw new ToolArgumentException("Date of birth " + dob
                                + " is more than 120 years ago; ask the caller to repeat it.");
                    }
                    ctx.state().dateOfBirth(dob);
                    return ToolResult.ok("Date of birth recorded: " + dob + ".");
                });
    }

    static Tool updatePatientType() {
        return new SimpleTool("update_patient_type",
                "Record whether the patient is new to the practice or already registered, as the caller says.",
                Schema.object().enumeration("patient_type", "new or existing patient.", true, PatientType.class).build(),
                (ctx, args) -> {
                    PatientType t = Args.enumValue(args, "patient_type", PatientType.class);
                    ctx.state().patientType(t);
                    return ToolResult.ok("Patient type recorded: " + t.wireName() + ".");
                });
    }

    static Tool updatePatientRelationship() {
        return new SimpleTool("update_patient_relationship",
                "Record whether the appointment is for the caller (self) or someone they look after (dependent).",
                Schema.object().enumeration("relationship", "self or dependent.", true, Relationship.class).build(),
                (ctx, args) -> {
                    Relationship r = Args.enumValue(args, "relationship", Relationship.class);
                    ctx.state().relationship(r);
                    return ToolResult.ok("Relationship recorded: " + r.wireName() + ".");
                });
    }

    static Tool getPatientType() {
        return new SimpleTool("get_patient_type",
                "Check with the practice system whether the patient is already registered, using the phone number "
                        + "and date of birth already recorded (and the name if known). Reveals no stored details.",
                Schema.object().build(),
                (ctx, args) -> {
                    CallState s = ctx.state();
                    List<String> missing = new ArrayList<>();
                    if (s.patientPhone() == null) {
                        missing.add("phone number (update_phone_number)");
                    }
                    if (s.dateOfBirth() == null) {
                        missing.add("date of birth (update_patient_dob)");
                    }
                    if (!missing.isEmpty()) {
                        throw new ToolArgumentException("Cannot check yet; still needed: " + String.join(", ", missing) + ".");
                    }
                    PatientLookupResult r = ctx.backend().lookupPatient(
                            new PatientLookup(s.patientPhone(), s.dateOfBirth(), s.name()));
                    if (!r.matched()) {
                        s.patientType(PatientType.NEW);
                        return ToolResult.ok("No registered patient has this phone number and date of birth: "
                                + "treat them as a new patient.");
                    }
                    s.patientType(PatientType.EXISTING);
                    s.patientId(r.patientId());
                    if (s.name() != null && !r.nameMatches()) {
                        return ToolResult.ok("The phone number and date of birth match a registered patient, but the "
                                + "name given does not match the record. Treat them as an existing patient and ask "
                                + "them to confirm how their name is spelled. Do not reveal any stored details.");
                    }
                    return ToolResult.ok("This is an existing, registered patient.");
                });
    }
}
