package dev.vocadent.providers.local.brain;

import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.core.api.RequestType;
import dev.vocadent.core.tools.ToolResult;
import dev.vocadent.providers.local.brain.OfflineConversation.Ask;
import dev.vocadent.providers.local.brain.OfflineConversation.Goal;
import dev.vocadent.providers.local.brain.nlu.Intents;

/**
 * Requests for the team: cancellations, reschedules, messages, callbacks (also when no slot fits or
 * the case is urgent). Takes name, phone and the message, registers it with
 * handle_callback_request_and_forward_message_to_team and tells the caller what happens next.
 */
final class RequestFlow {
    private final OfflineConversation c;
    private String request;
    private String message;

    RequestFlow(OfflineConversation c) {
        this.c = c;
    }

    void start(Goal goal, RequestType type, String said) {
        c.goal = goal;
        request = said;
        message = switch (goal) {
            case NO_SLOTS -> c.booking.noSlotsMessage();
            case URGENT -> "Urgent: the caller reports a dental problem and asked to be called back as soon as possible. Caller said: \""
                    + request + "\"";
            default -> null;
        };
        c.turn.tool("update_request_type", "request_type", type.wireName());
        next();
    }

    /** The caller described an urgent problem and there is no emergency slot type: remember their words. */
    void pendingUrgent(String said) {
        request = said;
    }

    void answer(String t, String raw) {
        if (c.asked == Ask.URGENT_OFFER) {
            if (Intents.yes(t) || Intents.callback(t)) {
                start(Goal.URGENT, RequestType.CALLBACK, request);
            } else {
                c.goal = Goal.NONE;
                c.anythingElse();
            }
            return;
        }
        message = switch (c.goal) {
            case CANCEL -> "Cancellation request. Caller said: \"" + request + "\". Appointment: \"" + raw.trim() + "\"";
            case RESCHEDULE -> "Reschedule request. Caller said: \"" + request + "\". Details: \"" + raw.trim() + "\"";
            default -> raw.trim();
        };
        next();
    }

    void next() {
        if (c.state().name() == null) {
            c.askName();
            return;
        }
        if (!c.phoneDone) {
            c.askPhone();
            return;
        }
        if (message == null) {
            String q = switch (c.goal) {
                case CANCEL -> "Which appointment would you like to cancel?";
                case RESCHEDULE -> "Which appointment is it, and when would suit you better?";
                case CALLBACK -> "What would you like the team to call you about?";
                default -> "What would you like me to pass on to the team?";
            };
            c.ask(Ask.MESSAGE, q, ExpectedAnswer.FREE);
            return;
        }
        register();
    }

    private void register() {
        String reason = switch (c.goal) {
            case NO_SLOTS -> "no_slots";
            case CANCEL -> "cancellation";
            case RESCHEDULE -> "reschedule";
            case MESSAGE -> "message";
            case URGENT -> "urgent";
            default -> "callback";
        };
        ToolResult r = c.turn.tool("handle_callback_request_and_forward_message_to_team", "message", message, "reason", reason);
        if (r.ok()) {
            c.turn.say(switch (c.goal) {
                case CANCEL -> "I've passed your cancellation to the team. They'll call you to confirm it.";
                case RESCHEDULE -> "I've passed that to the team. They'll call you to arrange a new time.";
                case MESSAGE -> "I've passed your message to the team. They'll get back to you if needed.";
                case NO_SLOTS -> "I've asked the team to call you back when something comes up.";
                case URGENT -> "I've marked this as urgent. The team will call you back as soon as they can.";
                default -> "I've asked the team to call you back.";
            });
        } else {
            c.turn.say("I'm sorry, I couldn't pass that on just now. Please call again later.");
        }
        c.goal = Goal.NONE;
        message = null;
        c.anythingElse();
    }
}
