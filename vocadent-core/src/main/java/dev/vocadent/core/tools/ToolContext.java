package dev.vocadent.core.tools;

import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.state.CallState;
import java.time.Clock;

/** What a tool may touch: this call's state, this call's clinic's backend, the clock and the call. */
public interface ToolContext {
    CallState state();

    /** The backend, bound to this call's clinic. */
    BackendClient backend();

    Clock clock();

    CallControl call();
}
