package dev.vocadent.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocadent.core.api.BackendException;
import dev.vocadent.core.api.OtherRequest;
import dev.vocadent.core.api.Patient;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.json.Json;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The call itself: UK time, messages for the team, ending or transferring the call, request type, outcome. */
final class CallTools {
    private static final Logger log = LoggerFactory.getLogger(CallTools.class);
    static final ZoneId UK = ZoneId.of("Europe/London");
    /** Longest wait for a transfer to reach a person. */
    static final long TRANSFER_TIMEOUT_SECONDS = 60;

    private CallTools() {}

    static Tool getCurrentDateAndTimeInUk() {
        return new SimpleTool("get_current_date_and_time_in_uk",
                "The current date, day of the week and time in the UK (GMT or BST).",
                Schema.object().build(),
                (ctx, args) -> {
                    ZonedDateTime now = ZonedDateTime.now(ctx.clock().withZone(UK));
                    String zone = now.getZone().getRules().isDaylightSavings(now.toInstant()) ? "BST" : "GMT";
                    ObjectNode data = Json.mapper().createObjectNode();
                    data.put("date", now.toLocalDate().toString());
                    data.put("day_of_week", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK));
                    data.put("time", now.toLocalTime().withSecond(0).withNano(0).toString());
                    data.put("zone", zone);
                    data.put("utc_offset", now.getOffset().getId());
                    data.put("iso", now.withNano(0).toOffsetDateTime().toString());
                    return ToolResult.ok("It is " + now.format(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.UK))
                            + " " + zone + " in the UK.", data);
                });
    }

    static Tool handleCallbackRequest() {
        return new SimpleTool("handle_callback_request_and_forward_message_to_team",
                "Register a callback request or a message for the practice team (use reason no_slots when nothing "
                        + "suitable was available). The caller's name and phone number are sent with it.",
                Schema.object()
                        .string("message", "What the caller wants, in a sentence or two, for the team.", true)
                        .string("reason", "Why: e.g. no_slots, caller_request, cancellation, clinical_question.", false)
                        .build(),
                (ctx, args) -> {
                    String message = Args.text(args, "message");
                    String reason = Args.optionalText(args, "reason");
                    if (message.length() > 2000) {
                        throw new ToolArgumentException("The message is too long; keep it under 2000 characters.");
                    }
                    return registerRequest(ctx, message, reason == null ? "caller_request" : reason,
                            "no_slots".equalsIgnoreCase(reason) ? CallOutcome.NO_SLOTS : CallOutcome.CALLBACK_REQUESTED);
                });
    }

    static ToolResult registerRequest(ToolContext ctx, String message, String reason, CallOutcome outcome) {
        CallState s = ctx.state();
        if (s.patientPhone() == null) {
            throw new ToolArgumentException("A phone number is needed for the team to call back: ask for it and "
                    + "record it with update_phone_number first.");
        }
        RequestType type = s.requestType() == null ? RequestType.CALLBACK : s.requestType();
        var result = ctx.backend().registerOtherRequest(new OtherRequest(type,
                new Patient(s.name(), s.patientPhone(), s.dateOfBirth()), message, reason, s.sessionId()));
        s.recordOutcome(outcome);
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("request_id", result.requestId());
        data.put("request_type", type.wireName());
        return ToolResult.ok("The " + type.wireName() + " request was passed to the team (reference "
                + result.requestId() + "); they will call back on the number given.", data);
    }

    static Tool endCall() {
        return new SimpleTool("end_call",
                "End the call after your last words (say goodbye in the same turn). With reason transfer, put the "
                        + "caller through to a person at the practice instead.",
                Schema.object().enumeration("reason",
                        "completed (default) to hang up after saying goodbye, or transfer to hand the caller to a person.",
                        false, "completed", "transfer").build(),
                (ctx, args) -> {
                    String reason = Args.optionalText(args, "reason");
                    if (reason == null || reason.equalsIgnoreCase("completed")) {
                        ctx.call().hangUp("completed");
                        return ToolResult.ok("The call will end after this turn: say a short goodbye now.");
                    }
                    if (!reason.equalsIgnoreCase("transfer")) {
                        throw new ToolArgumentException("Argument 'reason' must be completed or transfer, got '" + reason + "'.");
                    }
                    return transfer(ctx);
                });
    }

    private static ToolResult transfer(ToolContext ctx) {
        CallState s = ctx.state();
        String number = s.customerContext().frontDeskNumber();
        boolean reached = false;
        if (number != null) {
            try {
                reached = Boolean.TRUE.equals(ctx.call().transfer(number).get(TRANSFER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.info("transfer of session {} failed: {}", s.sessionId(), e.toString());
            }
        }
        if (reached) {
            s.recordOutcome(CallOutcome.TRANSFERRED);
            ctx.call().hangUp("transferred");
            return ToolResult.ok("The caller is now connected to the practice team; the call ends for you.");
        }
        String why = number == null ? "This practice has no number to transfer to"
                : "Nobody at the practice could take the call just now";
        if (s.patientPhone() == null) {
            return ToolResult.error(why + ". Ask for the caller's phone number so the team can call back, "
                    + "then register a callback.");
        }
        try {
            ToolResult r = registerRequest(ctx, "The caller asked to speak to a person; the transfer did not connect.",
                    "transfer_failed", CallOutcome.CALLBACK_REQUESTED);
            return new ToolResult(false, why + ", so the transfer did not happen. " + r.message()
                    + " Tell the caller the team will call them back.", r.data());
        } catch (BackendException e) {
            return ToolResult.error(why + ", and the callback could not be registered either. Apologise and ask the "
                    + "caller to ring the practice again later.");
        }
    }

    static Tool updateRequestType() {
        return new SimpleTool("update_request_type",
                "Record what the caller wants besides a new booking (used for messages to the team).",
                Schema.object().enumeration("request_type", "callback, message, cancellation, reschedule or other.",
                        true, RequestType.class).build(),
                (ctx, args) -> {
                    RequestType t = Args.enumValue(args, "request_type", RequestType.class);
                    ctx.state().requestType(t);
                    return ToolResult.ok("Request type recorded: " + t.wireName() + ".");
                });
    }

    static Tool setCallOutcome() {
        return new SimpleTool("set_call_outcome",
                "Record the outcome of the call. A stronger outcome already recorded (booked) is kept.",
                Schema.object().enumeration("outcome",
                        "booked, callback_requested, no_slots, enquiry_only, transferred or hung_up.", true,
                        CallOutcome.class).build(),
                (ctx, args) -> {
                    CallOutcome o = Args.enumValue(args, "outcome", CallOutcome.class);
                    CallState s = ctx.state();
                    if (o == CallOutcome.BOOKED && s.bookingId() == null) {
                        throw new ToolArgumentException("Nothing was booked on this call (book_appointment has not "
                                + "succeeded), so the outcome cannot be booked.");
                    }
                    if (o == CallOutcome.TRANSFERRED && s.callOutcome() != CallOutcome.TRANSFERRED) {
                        throw new ToolArgumentException("The call was not transferred; use end_call with reason transfer.");
                    }
                    CallOutcome before = s.callOutcome();
                    s.recordOutcome(o);
                    if (s.callOutcome() != o) {
                        return ToolResult.ok("The outcome stays " + before.wireName() + " (stronger than " + o.wireName() + ").");
                    }
                    return ToolResult.ok("Outcome recorded: " + o.wireName() + ".");
                });
    }
}
