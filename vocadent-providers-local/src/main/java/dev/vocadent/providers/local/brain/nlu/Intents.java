package dev.vocadent.providers.local.brain.nlu;

import dev.vocadent.core.api.BookingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keyword-level understanding of what a caller wants. All methods take normalised text. */
public final class Intents {
    /** Questions about the practice the brain answers from the config. */
    public enum Topic { HOURS, ADDRESS, PARKING, PRICE, DOCTORS, SERVICES }

    private Intents() {}

    public static boolean yes(String t) {
        return Text.hasAny(t, "yes", "yeah", "yep", "yup", "ya", "aye", "sure", "correct", "that's right", "thats right",
                "right", "please do", "go ahead", "ok", "okay", "perfect", "lovely", "great", "fine", "sounds good",
                "book it", "that's it", "please", "absolutely", "definitely", "of course", "that works", "that one")
                && !no(t);
    }

    public static boolean no(String t) {
        return Text.hasAny(t, "no", "nope", "nah", "not really", "don't", "dont", "wrong", "incorrect", "not right",
                "no thanks", "no thank you", "not that", "none");
    }

    public static boolean wantsPerson(String t) {
        return Text.hasAny(t, "real person", "a person", "human", "speak to someone", "talk to someone", "speak to somebody",
                "talk to somebody", "receptionist", "put me through", "transfer me", "speak to a member of staff",
                "operator", "someone real", "actual person", "speak to the front desk", "speak to reception");
    }

    /** A goodbye that ends the call at any step ("bye", "goodbye"), unlike "that's all". */
    public static boolean strongGoodbye(String t) {
        return Text.hasAny(t, "bye", "goodbye", "good bye", "bye bye", "cheerio", "ta ra", "hang up");
    }

    public static boolean goodbye(String t) {
        return Text.hasAny(t, "bye", "goodbye", "good bye", "bye bye", "that's all", "thats all", "that's everything",
                "nothing else", "i'm done", "hang up", "cheerio", "ta ra");
    }

    /** "It's not urgent", "no pain": negated symptoms do not count. */
    private static final java.util.regex.Pattern NEGATED = java.util.regex.Pattern.compile(
            "\\b(?:not|no|isn't|isnt|without|never|nothing)(?: (?:very|really|too|at all|an?|any|in))* "
            + "(?:urgent|pain|painful|emergency|swelling|swollen|bleeding|hurting|aching|sore)\\b"
            + "|\\b(?:doesn't|does not|don't|do not|it doesn't|won't) (?:hurt|ache|bleed)\\b");

    public static boolean emergency(String raw) {
        String t = NEGATED.matcher(raw).replaceAll(" ");
        return Text.hasAny(t, "pain", "painful", "hurts", "hurting", "agony", "ache", "aching", "toothache", "swelling",
                "swollen", "bleeding", "bleeds", "bleed", "knocked out", "knocked", "broke my tooth", "broken tooth",
                "cracked tooth", "cracked", "broken", "chipped", "abscess", "trauma", "accident", "fell over", "hit in the", "emergency",
                "urgent", "urgently", "fell off", "face is", "can't sleep", "throbbing");
    }

    /** Asking for clinical advice ("should I take painkillers?"). */
    public static boolean clinicalAdvice(String t) {
        return Text.hasAny(t, "should i take", "can i take", "painkiller", "painkillers", "ibuprofen", "paracetamol",
                "antibiotic", "antibiotics", "is it serious", "is it normal", "what should i do", "what do you think it is",
                "is it infected", "diagnose", "what is wrong with");
    }

    public static boolean cancel(String t) {
        return Text.hasAny(t, "cancel", "cancellation", "can't make", "cant make", "cannot make", "won't make", "not able to come");
    }

    public static boolean reschedule(String t) {
        return Text.hasAny(t, "reschedule", "rearrange", "move my appointment", "change my appointment", "move an appointment",
                "change an appointment", "different time for my", "another time for my", "move it", "postpone", "bring forward");
    }

    public static boolean message(String t) {
        return Text.hasAny(t, "leave a message", "pass on a message", "pass a message", "take a message", "message for",
                "pass on", "let them know", "tell the team", "tell the dentist", "message");
    }

    public static boolean callback(String t) {
        return Text.hasAny(t, "call me back", "ring me back", "callback", "call back", "phone me back", "get back to me",
                "someone to call me", "give me a call", "ring me");
    }

    public static boolean book(String t) {
        return Text.hasAny(t, "book", "booking", "appointment", "make an appointment", "see a dentist", "see the dentist",
                "see someone", "come in", "get in", "register", "new patient", "slot", "available", "availability");
    }

    public static Optional<BookingType> bookingType(String t) {
        if (Text.hasAny(t, "nhs", "n h s", "on the nhs", "national health")) {
            return Optional.of(BookingType.NHS);
        }
        if (Text.hasAny(t, "private", "privately", "pay myself", "self pay", "paying")) {
            return Optional.of(BookingType.PRIVATE);
        }
        return Optional.empty();
    }

    /** For whom: true when the patient is someone else ("for my son"). */
    public static boolean forSomeoneElse(String t) {
        return Text.hasAny(t, "my son", "my daughter", "my child", "my kids", "my children", "my wife", "my husband",
                "my partner", "my mum", "my mother", "my dad", "my father", "my boy", "my girl", "my baby", "my grandson",
                "my granddaughter", "my little one", "for him", "for her");
    }

    public static List<Topic> topics(String t) {
        List<Topic> out = new ArrayList<>();
        if (Text.hasAny(t, "open", "opening", "hours", "close", "closing", "closed", "what time do you", "when are you")) {
            out.add(Topic.HOURS);
        }
        if (Text.hasAny(t, "address", "where are you", "where is the practice", "where's the practice", "located",
                "location", "directions", "postcode", "how do i get", "how to get", "find you")) {
            out.add(Topic.ADDRESS);
        }
        if (Text.hasAny(t, "park", "parking", "car park", "wheelchair", "step free", "access", "bus")) {
            out.add(Topic.PARKING);
        }
        if (Text.hasAny(t, "how much", "price", "prices", "cost", "costs", "charge", "fee", "fees", "expensive", "pay for")) {
            out.add(Topic.PRICE);
        }
        if (Text.hasAny(t, "which dentists", "who are the dentists", "what dentists", "which doctors", "who are the doctors",
                "who works there", "dentists do you have", "doctors do you have")) {
            out.add(Topic.DOCTORS);
        }
        if (Text.hasAny(t, "do you do", "do you offer", "do you provide", "do you have", "what treatments", "what services",
                "what do you offer", "can you do")) {
            out.add(Topic.SERVICES);
        }
        return out;
    }
}
