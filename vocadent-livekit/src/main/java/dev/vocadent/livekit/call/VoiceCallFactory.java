package dev.vocadent.livekit.call;

import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.tools.CallControl;

/**
 * Makes the voice call for one LiveKit call: the app wires the clinic's backend client, brain, VAD,
 * STT and TTS here (the same stack as every other channel). The LiveKit side supplies the call's
 * identity, its control and where agent audio goes.
 */
@FunctionalInterface
public interface VoiceCallFactory {
    /**
     * @param sessionId   unique id of the call (the LiveKit job id)
     * @param roomName    the LiveKit room
     * @param clinic      the clinic bound by the room name
     * @param callerPhone the caller's number from the SIP participant (E.164), null when withheld
     * @param control     hang-up and transfer through LiveKit
     * @param output      agent audio frames at {@code outputRate}
     * @param outputRate  sample rate the output expects
     * @param inputRate   sample rate of caller audio the call will receive
     */
    VoiceCall create(String sessionId, String roomName, ClinicConfig clinic, String callerPhone,
                     CallControl control, FrameConsumer output, int outputRate, int inputRate);
}
