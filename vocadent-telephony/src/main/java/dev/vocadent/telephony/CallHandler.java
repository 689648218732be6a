package dev.vocadent.telephony;

/**
 * What answers calls: the lead plugs the CallSession + voice pipeline in here.
 *
 * <p>{@link #open} is called once per call just before the 200 OK is sent, with the clinic's
 * config already loaded. {@code control} is the call's {@link TelephonyCallControl}: the session
 * may call {@code hangUp(reason)} (BYE after the agent's queued audio has been played) and
 * {@code transfer(number)} (REFER; completes true only when the target answered). It must return
 * quickly; the returned session starts receiving frames at once.
 */
@FunctionalInterface
public interface CallHandler {
    MediaSession open(CallInfo call, TelephonyCallControl control);
}
