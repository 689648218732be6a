package dev.vocadent.app;

import dev.vocadent.agent.session.SessionListener;
import dev.vocadent.app.wiring.PostCallWiring;
import dev.vocadent.core.state.CallState;
import dev.vocadent.postcall.Preview;
import dev.vocadent.postcall.Receipt;

/** Watches an {@link AgentRuntime}'s calls as they happen ({@code vocadent demo} prints them). */
interface CallWatch {
    /** The listener of a new call's session (called once per call, before it starts). */
    SessionListener session(String callId);

    /** What the recogniser heard the caller say. */
    void callerTurn(String callId, String text);

    /** The ended call was queued for post-call work: what it sends ({@code preview}) and where things go. */
    void postCall(CallState state, Preview preview, Receipt receipt, PostCallWiring wiring);

    /** The ended call could not be queued for post-call work. */
    void postCallFailed(CallState state, String why);
}
