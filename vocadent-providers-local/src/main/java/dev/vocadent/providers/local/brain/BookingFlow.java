package dev.vocadent.providers.local.brain;

import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.ExpectedAnswer.Kind;
import dev.vocadent.core.api.BookingType;
import dev.vocadent.core.api.PartOfDay;
import dev.vocadent.core.api.PatientType;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.api.Slot;
import dev.vocadent.core.config.Doctor;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.providers.local.brain.OfflineConversation.Ask;
import dev.vocadent.providers.local.brain.OfflineConversation.Goal;
import dev.vocadent.providers.local.brain.nlu.Catalog.DoctorChoice;
import dev.vocadent.providers.local.brain.nlu.DateParser;
import dev.vocadent.providers.local.brain.nlu.DateWish;
import dev.vocadent.providers.local.brain.nlu.Intents;
import dev.vocadent.providers.local.brain.nlu.NameParser;
import dev.vocadent.providers.local.brain.nlu.SlotChooser;
import dev.vocadent.providers.local.brain.nlu.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The booking steps: consultation type → NHS or private → dentist → day → up to three slots → name →
 * date of birth → phone → patient lookup → confirmation → book. Each step is asked only when missing.
 */
final class BookingFlow {
    private static final int OFFER = 3;
    private final OfflineConversation c;
    private BookingType pendingType;
    private boolean doctorDecided;
    private boolean typeExplained;
    private boolean patientChecked;
    private boolean confirmed;
    private boolean widened;
    private DateWish wish;
    /** Clock times said with the day ("Tuesday at 2:30"): matching slots are offered first. */
    private List<java.time.LocalTime> wantedTimes = List.of();
    private List<Slot> offered = List.of();
    private Slot chosen;
    private final Set<String> failed = new HashSet<>();

    BookingFlow(OfflineConversation c) {
        this.c = c;
    }

    /** A new booking on this call (a second one after the first was booked starts from scratch). */
    void startNew() {
        if (c.state().callOutcome() == CallOutcome.BOOKED) {
            doctorDecided = false;
            patientChecked = false;
        }
        confirmed = false;
        chosen = null;
        offered = List.of();
        wish = null;
    }

    void startEmergency(String type, String t) {
        setConsultation(type);
        doctorDecided = true;
        chosen = null;
        confirmed = false;
        offered = List.of();
        wish = asap();
        Intents.bookingType(t).ifPresent(b -> pendingType = b);
        c.turn.say("Let me find you the earliest emergency appointment.");
    }

    /** Takes whatever the caller said about the booking; true if anything new was understood. */
    boolean fill(String t) {
        boolean got = false;
        if (Intents.forSomeoneElse(t)) {
            c.dependent = true;
        }
        Optional<String> type = c.catalog.consultation(t);
        if (type.isEmpty() && c.state().consultationType() == null && c.enquiredType != null
                && Text.hasAny(t, "book 1", "book one", "book it", "book that", "book in", "book me in", "have 1", "have one")) {
            type = Optional.of(c.enquiredType);
        }
        if (type.isPresent() && !c.emergency && !type.get().equalsIgnoreCase(c.state().consultationType())) {
            got |= setConsultation(type.get());
        }
        Optional<BookingType> bt = Intents.bookingType(t);
        if (bt.isPresent() && bt.get() != c.state().bookingType()) {
            pendingType = bt.get();
            changed();
            got = true;
        }
        Optional<DoctorChoice> doctor = c.catalog.doctor(t, c.asked == Ask.DOCTOR);
        if (doctor.isPresent() && !c.emergency) {
            got = true;
            switch (doctor.get()) {
                case DoctorChoice.One one -> setDoctor(one.doctor());
                case DoctorChoice.Any any -> setAnyDoctor();
                case DoctorChoice.Unclear unclear -> {
                    c.turn.say("I'm afraid I can't choose a dentist that way.");
                    doctorDecided = false;
                }
            }
        }
        if (c.asked != Ask.DOCTOR || doctor.isEmpty()) {
            Optional<DateWish> w = DateParser.parse(t, c.today()).map(this::withinCurrentRange);
            if (w.isPresent() && !w.get().equals(wish)) {
                wish = w.get();
                wantedTimes = SlotChooser.times(t);
                if (!wantedTimes.isEmpty() && wish.partOfDay() == PartOfDay.ANY) {
                    int h = wantedTimes.getFirst().getHour();
                    boolean afternoon = h >= 12 || h >= 1 && h <= 7;
                    wish = new DateWish(wish.from(), wish.to(), afternoon ? PartOfDay.AFTERNOON : PartOfDay.MORNING, wish.spoken());
                }
                widened = false;
                changed();
                got = true;
            }
        }
        if (c.state().name() == null) {
            NameParser.spontaneous(t).ifPresent(n -> {
                if (c.turn.tool("update_name", "name", n).ok()) {
                    c.relationshipSent = c.turn.tool("update_patient_relationship", "relationship", c.dependent ? "dependent" : "self").ok();
                }
            });
        }
        return got;
    }

    /** The caller answered one of the booking questions. */
    void answer(String t) {
        switch (c.asked) {
            case SLOT -> answerSlot(t);
            case CONFIRM -> {
                if (Intents.yes(t) && !Intents.no(t)) {
                    confirmed = true;
                    next();
                } else if (fill(t)) {
                    next();
                } else if (Intents.no(t)) {
                    chosen = null;
                    offered = List.of();
                    wish = null;
                    c.ask(Ask.DATE, "No problem. Which day would suit you instead?", ExpectedAnswer.of(Kind.DATE));
                } else {
                    c.turn.say("Sorry, shall I book it? Yes or no?");
                    c.ask(Ask.CONFIRM, summary(), ExpectedAnswer.of(Kind.YES_NO));
                }
            }
            case NO_SLOTS_OFFER -> {
                if (fill(t)) {
                    next();
                } else if (Intents.callback(t) || Intents.yes(t)) {
                    c.requests.start(Goal.NO_SLOTS, RequestType.CALLBACK, "no slots");
                } else if (Text.hasAny(t, "another day", "other day", "different day", "another time", "try again")) {
                    c.ask(Ask.DATE, "Which other day would suit you?", ExpectedAnswer.of(Kind.DATE));
                } else if (Intents.no(t)) {
                    c.goal = Goal.NONE;
                    c.anythingElse();
                } else {
                    c.turn.say("Sorry, I didn't catch that.");
                    c.reask();
                }
            }
            default -> {
                Ask before = c.asked;
                boolean got = fill(t);
                if (before == Ask.DOCTOR && !doctorDecided && c.catalog.doctor(t, true).isEmpty()) {
                    if (!c.missed()) {
                        return;
                    }
                    c.turn.say(Intents.yes(t) ? "Which dentist would you like?" : "Sorry, I didn't catch that.");
                } else if (!got && (before == Ask.CONSULTATION && c.state().consultationType() == null
                        || before == Ask.BOOKING_TYPE && pendingType == null && c.state().bookingType() == null
                        || before == Ask.DATE && wish == null)) {
                    if (!c.missed()) {
                        return;
                    }
                    c.turn.say("Sorry, I didn't catch that.");
                }
                next();
            }
        }
    }

    /** Asks for the next missing piece, searches, or books. */
    void next() {
        CallState s = c.state();
        if (s.consultationType() == null) {
            List<String> names = c.catalog.consultationNames();
            c.ask(Ask.CONSULTATION, "What type of appointment would you like: " + PracticeFacts.joinOr(names) + "?",
                    new ExpectedAnswer(Kind.CHOICE, names));
            return;
        }
        if (!bookingTypeSettled()) {
            return;
        }
        if (!doctorDecided) {
            List<Doctor> doctors = c.catalog.doctorsFor(s.consultationType());
            if (doctors.size() <= 1) {
                doctorDecided = true;
            } else {
                List<String> names = new ArrayList<>(doctors.stream().map(Doctor::name).toList());
                c.ask(Ask.DOCTOR, "Would you like a particular dentist? We have " + PracticeFacts.joinOr(names) + ", or anyone is fine.",
                        new ExpectedAnswer(Kind.CHOICE, concat(names, "anyone")));
                return;
            }
        }
        if (wish == null) {
            c.ask(Ask.DATE, "What day would suit you?", ExpectedAnswer.of(Kind.DATE, "tomorrow", "next week", "morning", "afternoon"));
            return;
        }
        if (chosen == null) {
            if (offered.isEmpty()) {
                search();
            } else {
                offer();
            }
            return;
        }
        if (s.name() == null) {
            c.askName();
            return;
        }
        if (s.dateOfBirth() == null) {
            c.askDob();
            return;
        }
        if (!c.phoneDone) {
            c.askPhone();
            return;
        }
        if (!patientChecked) {
            checkPatient();
        }
        if (!confirmed) {
            c.ask(Ask.CONFIRM, summary(), ExpectedAnswer.of(Kind.YES_NO));
            return;
        }
        book();
    }

    private boolean bookingTypeSettled() {
        CallState s = c.state();
        Set<BookingType> options = c.clinic.consultationType(s.consultationType())
                .map(e -> e.getValue().bookingTypes()).orElse(Set.of());
        if (options.isEmpty()) {
            return true;
        }
        if (pendingType != null && pendingType != s.bookingType()) {
            if (options.contains(pendingType)) {
                c.turn.tool("update_booking_type", "booking_type", pendingType.wireName());
            } else {
                c.turn.say(cap(PracticeFacts.a(s.consultationType())) + " is only available " + how(options.iterator().next()) + ".");
                typeExplained = true;
            }
        }
        pendingType = null;
        if (options.size() == 1 && !typeExplained) {
            BookingType only = options.iterator().next();
            String price = c.clinic.consultationType(s.consultationType()).map(e -> e.getValue().price()).orElse(null);
            c.turn.say(cap(PracticeFacts.a(s.consultationType())) + " is " + how(only) + (price == null ? "." : ", " + price + "."));
            typeExplained = true;
        }
        if (s.bookingType() != null && options.contains(s.bookingType())) {
            return true;
        }
        if (options.size() == 1) {
            c.turn.tool("update_booking_type", "booking_type", options.iterator().next().wireName());
            return true;
        }
        c.ask(Ask.BOOKING_TYPE, "Would you like that on the NHS or privately?", ExpectedAnswer.of(Kind.CHOICE, "NHS", "private"));
        return false;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String how(BookingType t) {
        return t == BookingType.NHS ? "on the NHS" : "private";
    }

    private void search() {
        ToolResult r = c.turn.tool("get_appointment_availability", "from_date", wish.from().toString(),
                "to_date", wish.to().toString(), "part_of_day", wish.partOfDay().wireName());
        List<Slot> free = r.ok() ? c.state().lastOfferedSlots().stream().filter(s -> !failed.contains(s.slotId())).toList() : List.of();
        if (free.isEmpty() && c.emergency && !widened && !wish.equals(asap())) {
            widened = true;
            wish = asap();
            search();
            return;
        }
        if (!r.ok()) {
            c.turn.say("I'm sorry, I couldn't check the diary just now.");
        } else if (free.isEmpty()) {
            c.turn.say("I'm sorry, there's nothing free " + wish.spoken() + ".");
        }
        if (free.isEmpty()) {
            c.ask(Ask.NO_SLOTS_OFFER, "Would you like to try another day, or shall I ask the team to call you back?",
                    ExpectedAnswer.of(Kind.CHOICE, "another day", "call me back"));
            return;
        }
        if (!wantedTimes.isEmpty()) {
            List<Slot> sorted = new ArrayList<>(free);
            sorted.sort(java.util.Comparator.comparing((Slot x) -> !matchesWantedTime(x)));
            free = sorted;
        }
        offered = distinctTimes(free);
        offer();
    }

    /**
     * While choosing among slots of a range ("next week"), a bare weekday ("Tuesday's") means that day
     * inside the range, not its next occurrence.
     */
    private DateWish withinCurrentRange(DateWish said) {
        if (c.asked != Ask.SLOT || wish == null || !said.from().equals(said.to()) || !wish.from().isBefore(wish.to())) {
            return said;
        }
        for (java.time.LocalDate d = wish.from(); !d.isAfter(wish.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == said.from().getDayOfWeek()) {
                PartOfDay part = said.partOfDay() == PartOfDay.ANY ? wish.partOfDay() : said.partOfDay();
                return new DateWish(d, d, part, "on " + DateParser.say(d));
            }
        }
        return said;
    }

    /** Up to three slots at different times (one doctor per time), so the choice is a real one. */
    private static List<Slot> distinctTimes(List<Slot> free) {
        List<Slot> out = new ArrayList<>();
        Set<java.time.Instant> seen = new HashSet<>();
        for (Slot s : free) {
            if (out.size() < OFFER && seen.add(s.start().toInstant())) {
                out.add(s);
            }
        }
        for (Slot s : free) {
            if (out.size() < OFFER && !out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private boolean matchesWantedTime(Slot s) {
        java.time.LocalTime start = s.start().toLocalTime();
        return wantedTimes.stream().anyMatch(w -> w.getMinute() == start.getMinute() && w.getHour() % 12 == start.getHour() % 12);
    }

    private void offer() {
        List<String> labels = offered.stream().map(BookingFlow::label).toList();
        String text;
        if (c.emergency) {
            text = "The earliest emergency appointment is " + labels.getFirst() + "."
                    + (labels.size() > 1 ? " I also have " + PracticeFacts.joinOr(labels.subList(1, labels.size())) + "." : "")
                    + " Which would you like?";
        } else {
            text = "I have " + PracticeFacts.joinOr(labels) + ". Which would you like?";
        }
        c.ask(Ask.SLOT, text, new ExpectedAnswer(Kind.CHOICE, offered.stream().map(BookingFlow::dayLabel).toList()));
    }

    private void answerSlot(String t) {
        OptionalInt pick = SlotChooser.choose(t, offered);
        if (pick.isPresent()) {
            Slot slot = offered.get(pick.getAsInt());
            if (c.turn.tool("update_slot_id_and_slot_day_and_timing", "slot_id", slot.slotId(),
                    "slot_day_and_timing", label(slot)).ok()) {
                chosen = slot;
                c.turn.say("Lovely, " + label(slot) + ".");
            } else {
                offered = List.of();
            }
            next();
            return;
        }
        if (fill(t)) {
            next();
            return;
        }
        if (Intents.no(t) || Text.hasAny(t, "another day", "different day", "other day", "something else", "later", "earlier")) {
            offered = List.of();
            wish = null;
            c.ask(Ask.DATE, "Which other day would suit you?", ExpectedAnswer.of(Kind.DATE));
            return;
        }
        c.turn.say("Sorry, which one would you like?");
        offer();
    }

    private void checkPatient() {
        patientChecked = true;
        CallState s = c.state();
        ToolResult r = c.turn.tool("get_patient_type");
        if (!r.ok()) {
            return;
        }
        PatientType type = s.patientType();
        if (type == null) {
            boolean existing = r.data() != null && r.data().path("patient_type").asText("").equalsIgnoreCase("existing")
                    || r.message() != null && r.message().toLowerCase(Locale.ROOT).contains("existing");
            type = existing ? PatientType.EXISTING : PatientType.NEW;
            c.turn.tool("update_patient_type", "patient_type", type.wireName());
        }
        c.turn.say(type == PatientType.EXISTING ? "Thanks, I've found " + (c.dependent ? "the patient's" : "your") + " record."
                : "Thanks, I'll register " + (c.dependent ? "the patient" : "you") + " as a new patient.");
    }

    private void book() {
        CallState s = c.state();
        ToolResult r = c.turn.tool("book_appointment");
        if (r.ok() && (s.bookingId() != null || s.callOutcome() == CallOutcome.BOOKED)) {
            c.turn.say("You're booked in for " + PracticeFacts.a(s.consultationType()) + " on " + label(chosen) + ".");
            c.goal = Goal.NONE;
            chosen = null;
            c.anythingElse();
            return;
        }
        String why = r.message() == null ? "" : r.message().toLowerCase(Locale.ROOT);
        confirmed = false;
        if (why.contains("taken") || why.contains("no longer") || why.contains("not available") || why.contains("unavailable")
                || why.contains("already booked")) {
            failed.add(chosen.slotId());
            chosen = null;
            c.turn.say("I'm sorry, that time has just been taken.");
            List<Slot> next = c.state().lastOfferedSlots().stream().filter(x -> !failed.contains(x.slotId())).toList();
            if (next.isEmpty()) {
                search();
            } else {
                offered = next.subList(0, Math.min(OFFER, next.size()));
                offer();
            }
            return;
        }
        c.turn.say("I'm sorry, I couldn't complete the booking.");
        chosen = null;
        c.requests.start(Goal.CALLBACK, RequestType.CALLBACK, "booking failed");
    }

    private String summary() {
        CallState s = c.state();
        String type = s.bookingType() == null ? "" : s.bookingType() == BookingType.NHS ? " on the NHS" : ", private";
        return "So that's " + PracticeFacts.a(s.consultationType()) + type + ", on " + label(chosen) + ". Shall I book it?";
    }

    /** What the team needs to call back when nothing fitted. */
    String noSlotsMessage() {
        CallState s = c.state();
        return "No suitable slot for " + (s.consultationType() == null ? "an appointment" : PracticeFacts.a(s.consultationType()))
                + (wish == null ? "" : " " + wish.spoken()) + ". Please call back to arrange one.";
    }

    private boolean setConsultation(String type) {
        if (!c.turn.tool("update_consultation_type", "consultation_type", type).ok()) {
            return false;
        }
        changed();
        if (!c.state().preferredDoctorId().equals(dev.vocadent.core.state.CallState.ANY_PROVIDER)) {
            boolean does = c.clinic.doctor(c.state().preferredDoctorId())
                    .map(d -> d.consultationTypes().stream().anyMatch(x -> x.equalsIgnoreCase(type))).orElse(false);
            if (!does) {
                doctorDecided = false;
            }
        }
        return true;
    }

    private void setDoctor(Doctor d) {
        String type = c.state().consultationType();
        if (type != null && d.consultationTypes().stream().noneMatch(x -> x.equalsIgnoreCase(type))) {
            c.turn.say(d.name() + " doesn't do " + type + "s.");
            doctorDecided = false;
            return;
        }
        if (c.turn.tool("update_preferred_doctor_with_name_and_id", "doctor_name", d.name(), "doctor_id", d.id()).ok()) {
            doctorDecided = true;
            changed();
        }
    }

    private void setAnyDoctor() {
        if (c.turn.tool("update_preferred_doctor_with_name_and_id", "doctor_name", CallState.ANY_PROVIDER,
                "doctor_id", CallState.ANY_PROVIDER).ok()) {
            doctorDecided = true;
            changed();
        }
    }

    /** Something the search depends on changed: offered slots no longer apply. */
    private void changed() {
        offered = List.of();
        chosen = null;
        confirmed = false;
    }

    private DateWish asap() {
        return new DateWish(c.today(), c.today().plusDays(DateParser.HORIZON_DAYS - 1), PartOfDay.ANY, "in the next two weeks");
    }

    static String label(Slot s) {
        return dayLabel(s) + (s.doctorName() == null ? "" : " with " + s.doctorName());
    }

    static String dayLabel(Slot s) {
        if (s.dayLabel() != null) {
            return s.dayLabel();
        }
        return DateParser.say(s.start().toLocalDate()) + " at " + PracticeFacts.time(s.start().toLocalTime());
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
