package dev.vocadent.postcall.sentiment;

import dev.vocadent.postcall.FinishedCall;
import java.util.Locale;

/**
 * The offline summary: one short paragraph built from the call's final state. It names the caller but
 * never their phone number or date of birth.
 */
public final class TemplateSummary {
    private TemplateSummary() {}

    public static String of(FinishedCall call) {
        String who = call.patientName() != null ? call.patientName() : "A caller";
        String practice = call.clinic().customer() != null ? call.clinic().customer().name() : call.clinicId();
        String what = treatment(call);
        StringBuilder b = new StringBuilder(who).append(" called ").append(practice);
        switch (call.outcome()) {
            case BOOKED -> {
                b.append(" and booked ").append(what != null ? article(what) : "an appointment");
                if (call.doctorName() != null) {
                    b.append(" with ").append(call.doctorName());
                }
                if (call.slotLabel() != null) {
                    b.append(" for ").append(call.slotLabel());
                }
                b.append('.');
            }
            case CALLBACK_REQUESTED -> b.append(" and asked for ")
                    .append(call.requestType() != null ? "a " + call.requestType().wireName() + " request to be passed on" : "a callback")
                    .append(what != null ? " about " + article(what) : "").append('.');
            case NO_SLOTS -> b.append(what != null ? " looking for " + article(what) : "")
                    .append("; nothing suitable was free, so a callback was requested.");
            case ENQUIRY_ONLY -> b.append(" with an enquiry").append(what != null ? " about " + article(what) : "").append('.');
            case TRANSFERRED -> b.append(" and was transferred to the front desk.");
            case HUNG_UP -> b.append(" and hung up before anything was arranged.");
        }
        long secs = call.duration().toSeconds();
        b.append(String.format(Locale.ROOT, " The call lasted %d:%02d", secs / 60, secs % 60));
        b.append(call.channel().wireName().equals("chat") ? " (chat)." : ".");
        return b.toString();
    }

    private static String treatment(FinishedCall call) {
        if (call.consultationType() == null) {
            return null;
        }
        return call.bookingType() != null
                ? call.bookingType().wireName().toUpperCase(Locale.ROOT).replace("PRIVATE", "private") + " " + call.consultationType()
                : call.consultationType();
    }

    private static String article(String noun) {
        char c = Character.toLowerCase(noun.charAt(0));
        boolean vowel = "aeiou".indexOf(c) >= 0 || noun.startsWith("NHS");
        return (vowel ? "an " : "a ") + noun;
    }
}
