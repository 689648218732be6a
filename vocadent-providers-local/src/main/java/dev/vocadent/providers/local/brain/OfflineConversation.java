package dev.vocadent.providers.local.brain;

import dev.vocadent.agent.brain.Brain;
import dev.vocadent.agent.brain.BrainContext;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.ExpectedAnswer.Kind;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.brain.ReplySink;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.providers.local.brain.nlu.Catalog;
import dev.vocadent.providers.local.brain.nlu.DobParser;
import dev.vocadent.providers.local.brain.nlu.GuardRails;
import dev.vocadent.providers.local.brain.nlu.Intents;
import dev.vocadent.providers.local.brain.nlu.Intents.Topic;
import dev.vocadent.providers.local.brain.nlu.NameParser;
import dev.vocadent.providers.local.brain.nlu.PhoneParser;
import dev.vocadent.providers.local.brain.nlu.Text;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One call with the offline brain: routes each caller turn (guard rails, transfer, emergency, side
 * questions, corrections) and then hands it to the step the caller is answering. The booking steps
 * live in {@link BookingFlow}, requests for the team in {@link RequestFlow}.
 */
final class OfflineConversation implements Brain.Conversation {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OfflineConversation.class);
    enum Goal { NONE, BOOK, CANCEL, RESCHEDULE, MESSAGE, CALLBACK, NO_SLOTS, URGENT }

    enum Ask { INTENT, CONSULTATION, BOOKING_TYPE, DOCTOR, DATE, SLOT, NAME, DOB, PHONE_SAME, PHONE, CONFIRM,
        NO_SLOTS_OFFER, URGENT_OFFER, MESSAGE, ANYTHING_ELSE, HELP_OFFER }

    final BrainContext ctx;
    final ClinicConfig clinic;
    final Catalog catalog;
    final PracticeFacts facts;
    final BookingFlow booking;
    final RequestFlow requests;
    private final int[] toolCalls = {0};
    Turn turn;
    Goal goal = Goal.NONE;
    Ask asked = Ask.INTENT;
    private String question;
    private ExpectedAnswer hint = ExpectedAnswer.FREE;
    boolean emergency;
    boolean phoneDone;
    private String partialPhone = "";
    boolean dependent;
    boolean relationshipSent;
    private boolean enquiryRecorded;
    /** Turns in a row the caller's answer to the same question was not understood. */
    private int misses;
    /** The last question was "would you like to book one?" after a question about a service. */
    private boolean offerToBook;
    /** The consultation type the caller last asked about ("how much is whitening?"), for "can I book one?". */
    String enquiredType;
    private boolean ended;

    OfflineConversation(BrainContext ctx) {
        this.ctx = ctx;
        this.clinic = ctx.state().customerContext();
        this.catalog = new Catalog(clinic);
        this.facts = new PracticeFacts(clinic);
        this.booking = new BookingFlow(this);
        this.requests = new RequestFlow(this);
    }

    CallState state() {
        return ctx.state();
    }

    LocalDate today() {
        return LocalDate.now(ctx.clock().withZone(ZoneId.of(clinic.customer().timezone())));
    }

    @Override
    public void greet(ReplySink out) {
        turn = new Turn(out, ctx, toolCalls);
        turn.say(clinic.greeting());
        question = clinic.greeting();
        asked = Ask.INTENT;
        turn.expect(ExpectedAnswer.FREE);
    }

    @Override
    public void respond(ReplySink out) {
        turn = new Turn(out, ctx, toolCalls);
        try {
            answer();
        } catch (RuntimeException e) {
            // the offline brain is the last link of the fallback chain: it must always say something
            log.warn("offline brain failed on a turn: {}", e.toString());
            turn.say("Sorry, could you say that again?");
            turn.expect(hint);
        }
    }

    private void answer() {
        if (ended) {
            turn.say("Thank you for calling. Goodbye.");
            return;
        }
        String raw = lastCallerText();
        String t = Text.normalize(raw);
        if (t.isBlank()) {
            turn.say("Sorry, I didn't catch that.");
            reask();
            return;
        }
        Optional<String> refusal = GuardRails.check(t, clinic);
        if (refusal.isPresent()) {
            turn.say(refusal.get());
            reask();
            return;
        }
        if (Intents.wantsPerson(t)) {
            transfer(raw);
            return;
        }
        boolean advised = false;
        if (Intents.clinicalAdvice(t)) {
            turn.say("I'm not able to give clinical advice, but the dentist will look after you.");
            advised = true;
        }
        if (!emergency && Intents.emergency(t)) {
            startEmergency(t, raw);
            return;
        }
        List<Topic> topics = asked == Ask.MESSAGE ? List.of() : Intents.topics(t);
        if (!topics.isEmpty()) {
            catalog.consultation(t).ifPresent(type -> enquiredType = type);
            for (Topic topic : topics) {
                turn.say(facts.answer(topic, t, state().consultationType(), catalog.consultation(t)));
            }
            if (!enquiryRecorded) {
                turn.tool("set_call_outcome", "outcome", "enquiry_only");
                enquiryRecorded = true;
            }
            boolean alsoBooking = (asked == Ask.INTENT || asked == Ask.ANYTHING_ELSE) && Text.hasAny(t, "book", "make an appointment");
            if (!alsoBooking) {
                if (goal == Goal.NONE && topics.contains(Topic.SERVICES) && catalog.consultation(t).isPresent()) {
                    offerToBook = true;
                    ask(Ask.INTENT, "Would you like to book one?", ExpectedAnswer.of(Kind.YES_NO));
                } else if (goal == Goal.NONE || asked == Ask.ANYTHING_ELSE || asked == Ask.INTENT) {
                    ask(Ask.ANYTHING_ELSE, "Is there anything else I can help with?", ExpectedAnswer.FREE);
                } else {
                    reask();
                }
                return;
            }
        }
        if (corrected(t, raw)) {
            turn.say("Thanks, I've corrected that.");
            proceed();
            return;
        }
        if (advised && !Intents.book(t)) {
            reask();
            return;
        }
        if (Intents.strongGoodbye(t) && asked != Ask.MESSAGE) {
            goodbye();
            return;
        }
        if (goal == Goal.BOOK && switchedAwayFromBooking(t, raw)) {
            return;
        }
        boolean offered = offerToBook;
        offerToBook = false;
        if (offered && asked == Ask.INTENT && Intents.yes(t)) {
            goal = Goal.BOOK;
            booking.startNew();
            booking.fill(t + " " + Text.normalize(enquiredType));
            booking.next();
            return;
        }
        if (asked == Ask.HELP_OFFER) {
            answerHelpOffer(t, raw);
            return;
        }
        switch (asked) {
            case INTENT, ANYTHING_ELSE -> route(t, raw);
            case MESSAGE, URGENT_OFFER -> requests.answer(t, raw);
            case NAME -> answerName(t);
            case DOB -> answerDob(t);
            case PHONE_SAME, PHONE -> answerPhone(t, raw);
            default -> booking.answer(t);
        }
    }

    /** Mid-booking, the caller asks to cancel or move another appointment, or just to be called back. */
    private boolean switchedAwayFromBooking(String t, String raw) {
        if (asked == Ask.CONFIRM || asked == Ask.NO_SLOTS_OFFER || asked == Ask.MESSAGE) {
            return false;
        }
        if (Intents.reschedule(t) && Text.has(t, "appointment")) {
            requests.start(Goal.RESCHEDULE, RequestType.RESCHEDULE, raw);
        } else if (Intents.cancel(t) && Text.has(t, "appointment")) {
            requests.start(Goal.CANCEL, RequestType.CANCELLATION, raw);
        } else if (Intents.callback(t)) {
            requests.start(Goal.CALLBACK, RequestType.CALLBACK, raw);
        } else {
            return false;
        }
        return true;
    }

    /** Continues whatever the caller is doing: asks for the next missing piece. */
    void proceed() {
        switch (goal) {
            case BOOK -> booking.next();
            case NONE -> reask();
            default -> requests.next();
        }
    }

    private void route(String t, String raw) {
        if (Intents.goodbye(t) || asked == Ask.ANYTHING_ELSE && Intents.no(t) && !Intents.book(t)) {
            goodbye();
        } else if (Intents.reschedule(t)) {
            requests.start(Goal.RESCHEDULE, RequestType.RESCHEDULE, raw);
        } else if (Intents.cancel(t)) {
            requests.start(Goal.CANCEL, RequestType.CANCELLATION, raw);
        } else if (Intents.callback(t)) {
            requests.start(Goal.CALLBACK, RequestType.CALLBACK, raw);
        } else if (Intents.message(t)) {
            requests.start(Goal.MESSAGE, RequestType.MESSAGE, raw);
        } else if (Intents.book(t) || catalog.consultation(t).isPresent() || Intents.bookingType(t).isPresent()
                || catalog.doctor(t, false).filter(d -> d instanceof Catalog.DoctorChoice.One).isPresent()) {
            if (Text.hasAny(t, "do you take", "are you taking", "do you accept", "are you accepting", "do you see")) {
                turn.say(facts.nhsOffer());
            }
            goal = Goal.BOOK;
            booking.startNew();
            booking.fill(t);
            booking.next();
        } else if (asked == Ask.ANYTHING_ELSE && Intents.yes(t) && !Text.hasAny(t, "thanks", "thank you", "cheers")) {
            ask(Ask.INTENT, "What else can I help with?", ExpectedAnswer.FREE);
        } else if (asked == Ask.ANYTHING_ELSE && Text.hasAny(t, "thanks", "thank you", "cheers", "great", "perfect", "lovely")) {
            goodbye();
        } else {
            if (!missed()) {
                return;
            }
            turn.say("Sorry, I didn't quite catch that.");
            ask(Ask.INTENT, "I can book an appointment, take a message for the team, or answer questions about the practice. What would you like?",
                    ExpectedAnswer.FREE);
        }
    }

    private void startEmergency(String t, String raw) {
        emergency = true;
        dependent |= Intents.forSomeoneElse(t);
        turn.say("I'm sorry to hear that.");
        Optional<String> type = catalog.emergencyType();
        if (type.isPresent()) {
            goal = Goal.BOOK;
            booking.startEmergency(type.get(), t);
            booking.next();
            return;
        }
        if (clinic.onCallInstructions() != null) {
            turn.say(clinic.onCallInstructions());
        }
        requests.pendingUrgent(raw);
        ask(Ask.URGENT_OFFER, "Would you like me to ask the team to call you back as soon as possible?", ExpectedAnswer.of(Kind.YES_NO));
    }

    private boolean corrected(String t, String raw) {
        CallState s = state();
        boolean digits = t.matches(".*\\d.*");
        if (s.name() != null && asked != Ask.NAME && !digits) {
            Optional<String> fixed = NameParser.correct(s.name(), t);
            if (fixed.isPresent() && !fixed.get().equals(s.name()) && turn.tool("update_name", "name", fixed.get()).ok()) {
                return true;
            }
        }
        if (s.dateOfBirth() != null && asked != Ask.DOB && digits
                && (Text.hasAny(t, "date of birth", "birthday", "born", "dob", "birth") || NameParser.looksLikeCorrection(t) && t.contains(" not "))) {
            Optional<LocalDate> dob = DobParser.parse(t, today())
                    .or(() -> DobParser.patch(s.dateOfBirth(), DobParser.parts(t, today()), today()));
            if (dob.isPresent() && !dob.get().equals(s.dateOfBirth())
                    && turn.tool("update_patient_dob", "date_of_birth", dob.get().toString()).ok()) {
                return true;
            }
        }
        if (phoneDone && asked != Ask.PHONE && asked != Ask.PHONE_SAME) {
            Optional<String> phone = PhoneParser.parse(raw);
            if (phone.isPresent() && !phone.get().equals(s.patientPhone())
                    && turn.tool("update_phone_number", "phone_number", phone.get()).ok()) {
                return true;
            }
        }
        return false;
    }

    void askName() {
        ask(Ask.NAME, dependent ? "What is the patient's full name?" : "Can I take your full name, please?", ExpectedAnswer.of(Kind.NAME));
    }

    private void answerName(String t) {
        String[] parts = t.split("\\s(?=\\d)|\\b(?:born|date of birth|dob|d o b)\\b", 2);
        Optional<String> name = NameParser.parse(parts[0].replaceAll("\\b(?:and|my)\\s*$", "").trim());
        if (name.isPresent() && parts.length > 1 && state().dateOfBirth() == null) {
            DobParser.parse(t, today()).ifPresent(d -> turn.tool("update_patient_dob", "date_of_birth", d.toString()));
        }
        if (name.isEmpty() || !turn.tool("update_name", "name", name.get()).ok()) {
            if (!missed()) {
                return;
            }
            turn.say("Sorry, I didn't get the name.");
            ask(Ask.NAME, "Could you say it again, or spell it for me?", ExpectedAnswer.of(Kind.SPELLING));
            return;
        }
        if (!relationshipSent) {
            turn.tool("update_patient_relationship", "relationship", dependent ? "dependent" : "self");
            relationshipSent = true;
        }
        turn.say("Thanks, " + name.get().split(" ")[0] + ".");
        proceed();
    }

    void askDob() {
        ask(Ask.DOB, dependent ? "And the patient's date of birth?" : "What's your date of birth?", ExpectedAnswer.of(Kind.DATE_OF_BIRTH));
    }

    private void answerDob(String t) {
        Optional<LocalDate> dob = DobParser.parse(t, today());
        if (dob.isEmpty() || !turn.tool("update_patient_dob", "date_of_birth", dob.get().toString()).ok()) {
            if (!missed()) {
                return;
            }
            turn.say("Sorry, I need the full date of birth, with the year.");
            reask();
            return;
        }
        proceed();
    }

    void askPhone() {
        if (state().callerPhone() != null && asked != Ask.PHONE_SAME && asked != Ask.PHONE) {
            ask(Ask.PHONE_SAME, "Is the number you're calling from the best one to reach you on?", ExpectedAnswer.of(Kind.YES_NO));
        } else {
            ask(Ask.PHONE, "What's the best phone number to reach you on?", ExpectedAnswer.of(Kind.PHONE_NUMBER));
        }
    }

    private void answerPhone(String t, String raw) {
        Optional<String> said = PhoneParser.parse(raw);
        String digits = PhoneParser.digits(raw);
        if (said.isEmpty() && asked == Ask.PHONE && !digits.isEmpty()) {
            said = PhoneParser.parse(partialPhone + digits);
            if (said.isEmpty() && (partialPhone + digits).length() < 11) {
                partialPhone += digits;
                ask(Ask.PHONE, "And the rest of the number?", ExpectedAnswer.of(Kind.PHONE_NUMBER));
                return;
            }
        }
        partialPhone = "";
        if (said.isPresent()) {
            if (turn.tool("update_phone_number", "phone_number", said.get()).ok()) {
                phoneDone = true;
                proceed();
                return;
            }
        } else if (asked == Ask.PHONE_SAME && Intents.yes(t)) {
            if (turn.tool("update_phone_number", "phone_number", state().callerPhone()).ok()) {
                phoneDone = true;
                proceed();
                return;
            }
        } else if (asked == Ask.PHONE_SAME && Intents.no(t)) {
            ask(Ask.PHONE, "What's the best phone number to reach you on?", ExpectedAnswer.of(Kind.PHONE_NUMBER));
            return;
        }
        if (!missed()) {
            return;
        }
        turn.say("Sorry, I didn't get the whole number.");
        ask(Ask.PHONE, "Could you say it again, digit by digit?", ExpectedAnswer.of(Kind.PHONE_NUMBER));
    }

    private void transfer(String raw) {
        if (clinic.frontDeskNumber() == null) {
            turn.say("I'm sorry, I can't put calls through from this line, but I can ask the team to call you.");
            requests.start(Goal.CALLBACK, RequestType.CALLBACK, raw);
            return;
        }
        turn.say("Of course. I'll put you through to the team now.");
        ToolResult r = turn.tool("end_call", "reason", "transfer");
        ended = r.ok();
        if (!r.ok()) {
            turn.say("I'm sorry, nobody could take the call just now.");
            if (state().callOutcome() == dev.vocadent.core.outcome.CallOutcome.CALLBACK_REQUESTED
                    || state().callOutcome() == dev.vocadent.core.outcome.CallOutcome.NO_SLOTS) {
                turn.say("I've asked the team to call you back.");
                goal = Goal.NONE;
                anythingElse();
            } else {
                requests.start(Goal.CALLBACK, RequestType.CALLBACK, raw);
            }
        }
    }

    void goodbye() {
        turn.say("Thank you for calling " + clinic.customer().name() + ". Goodbye!");
        turn.tool("end_call", "reason", "completed");
        ended = true;
    }

    void anythingElse() {
        ask(Ask.ANYTHING_ELSE, "Is there anything else I can help with?", ExpectedAnswer.FREE);
    }

    /**
     * Counts a turn that was not understood. After the third in a row at the same question the caller is
     * offered a callback instead of the same question again; returns false when that offer was made.
     */
    boolean missed() {
        misses++;
        if (misses < 3) {
            return true;
        }
        helpStep = asked;
        helpFor = question;
        helpHint = hint;
        turn.say("I'm sorry, I'm not getting this right.");
        ask(Ask.HELP_OFFER, "Shall I ask the team to call you back instead?", ExpectedAnswer.of(Kind.YES_NO));
        return false;
    }

    private Ask helpStep = Ask.INTENT;
    private String helpFor;
    private ExpectedAnswer helpHint = ExpectedAnswer.FREE;

    private void answerHelpOffer(String t, String raw) {
        if (Intents.yes(t) || Intents.callback(t)) {
            requests.start(Goal.CALLBACK, RequestType.CALLBACK, "help needed");
        } else {
            turn.say("No problem, let's try again.");
            ask(helpStep, helpFor == null ? "How can I help?" : helpFor, helpHint);
        }
    }

    void ask(Ask step, String text, ExpectedAnswer expected) {
        if (step != asked) {
            misses = 0;
        }
        asked = step;
        question = text;
        hint = expected;
        turn.say(text);
        turn.expect(expected);
    }

    void reask() {
        if (question == null) {
            anythingElse();
            return;
        }
        turn.say(question);
        turn.expect(hint);
    }

    private String lastCallerText() {
        List<HistoryItem> h = ctx.history();
        for (int i = h.size() - 1; i >= 0; i--) {
            HistoryItem item = h.get(i);
            if (item.role() == HistoryItem.Role.CALLER || item.role() == HistoryItem.Role.DTMF) {
                return item.text() == null ? "" : item.text();
            }
            if (item.role() == HistoryItem.Role.AGENT) {
                break;
            }
        }
        return "";
    }
}
