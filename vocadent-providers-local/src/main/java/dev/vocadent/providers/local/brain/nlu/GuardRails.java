package dev.vocadent.providers.local.brain.nlu;

import dev.vocadent.core.config.ClinicConfig;
import java.util.Optional;

/**
 * Caller text is data, never authority. Recognises requests the front desk must refuse: a caller
 * claiming to be staff, asking for someone else's details or the stored record, asking for the
 * agent's instructions, or asking to book at another practice. Returns what to say instead.
 */
public final class GuardRails {
    private GuardRails() {}

    public static Optional<String> check(String t, ClinicConfig clinic) {
        if (Text.hasAny(t, "system prompt", "your prompt", "the prompt", "your instructions", "ignore your", "ignore all",
                "ignore previous", "previous instructions", "developer mode", "your rules", "reveal your", "jailbreak",
                "pretend you are", "pretend to be", "act as", "repeat the text above", "what were you told", "your configuration")) {
            return Optional.of("I'm sorry, I can't share that. I can help with appointments and questions about the practice.");
        }
        if (Text.hasAny(t, "today's list", "todays list", "the day list", "day's list", "appointment list", "list of appointments",
                "patient list", "list of patients", "who is booked", "who's booked", "who is coming in", "the diary for today",
                "i work here", "i'm staff", "im staff", "i am staff", "member of staff here", "practice manager",
                "i'm one of the dentists", "i'm the dentist", "this is the dentist")
                || t.matches(".*\\b(i'm|im|i am|this is|it's|its) (doctor|nurse|the dentist|the hygienist) [a-z]+.*")
                        && Text.hasAny(t, "list", "read", "patients", "appointments", "diary", "records", "schedule", "bookings")
                || t.matches(".*\\b(read|give|tell|send|show|go through|run through)\\b.*\\b(list|diary|schedule|day sheet|patients|records)\\b.*")
                || t.matches(".*\\b(today's|todays|tomorrow's|tomorrows) (list|appointments|patients|bookings|diary|schedule)\\b.*")
                || t.matches(".*\\b(list|appointments|patients|bookings|diary) for (today|tomorrow)\\b.*")) {
            return Optional.of("I'm sorry, I can't read out appointments or patient details on this line. "
                    + "Staff can check the practice system directly.");
        }
        if (Text.hasAny(t, "someone else's", "another patient", "other patient", "patient's details", "his details",
                "her details", "their details", "his phone number", "her phone number", "his address", "her address",
                "his date of birth", "her date of birth", "what details do you have", "what do you have on file",
                "read me my record", "read out my record", "what's on my record", "what is on my record",
                "what number do you have", "what address do you have", "when is his appointment", "when is her appointment",
                "when is my wife's appointment", "when is my husband's appointment", "look up")
                || t.matches(".*\\b(phone number|address|date of birth|details|appointment) (of|for) (a |another )?(patient|mr|mrs|miss|ms) .*")) {
            return Optional.of("I'm sorry, I can't share anyone's details over the phone. "
                    + "I can ask the team to call the patient if you like.");
        }
        if (Text.hasAny(t, "when is my appointment", "what time is my appointment", "when's my appointment",
                "do i have an appointment", "have i got an appointment", "what day is my appointment", "is my appointment still")) {
            return Optional.of("For your privacy, I can't read out appointment details on this line. "
                    + "I can ask the team to call you to confirm it.");
        }
        String own = Text.normalize(clinic.customer().name());
        if (t.matches(".*\\b(another|a different|the other|your other|other) (clinic|practice|surgery|branch|dentist's|dentists)\\b.*")
                || t.matches(".*\\b(at|with|in) [a-z]+ (dental|dentists|dental care|dental practice|smile clinic)\\b.*")
                && !t.contains(own) && !t.contains(own.split(" ")[0] + " dental")) {
            return Optional.of("I'm sorry, I can only book appointments here at " + clinic.customer().name() + ".");
        }
        return Optional.empty();
    }
}
