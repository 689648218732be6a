package dev.vocadent.telephony.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.call.VoiceCall;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.agent.voice.EnergyVad;
import dev.vocadent.agent.voice.ScriptedSpeechToText;
import dev.vocadent.agent.voice.ToneTextToSpeech;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import dev.vocadent.core.state.CallState;
import dev.vocadent.core.testing.FakeBackend;
import dev.vocadent.telephony.CallInfo;
import dev.vocadent.telephony.EndReason;
import dev.vocadent.telephony.MediaSession;
import dev.vocadent.telephony.TelephonyCallControl;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SIP media adapter over a real VoiceCall on fakes (scripted brain, tone TTS, energy VAD). */
class VoiceCallMediaSessionTest {
    final List<String> hangUps = new CopyOnWriteArrayList<>();
    final TelephonyCallControl control = new TelephonyCallControl() {
        @Override
        public String callId() {
            return "sip-call-1";
        }

        @Override
        public void hangUp(String reason) {
            hangUps.add(reason);
        }

        @Override
        public CompletableFuture<Boolean> transfer(String number) {
            return CompletableFuture.completedFuture(false);
        }
    };
    final CallInfo info = new CallInfo("sip-call-1", DemoClinics.WESTBURY, DemoClinics.westbury(), "+441632960001",
            "+447700900123", "PCMU");

    VoiceCallHandler handler() {
        return handler(ScriptedBrain.named("scripted").greet("Hello, Westbury Dental.").build());
    }

    VoiceCallHandler handler(ScriptedBrain brain) {
        return new VoiceCallHandler((call, cc) -> {
            CallState state = new CallState(call.callId(), null, call.clinic(), call.callerNumber());
            CallSession.Builder session = CallSession.builder(state)
                    .backend(new FakeBackend(call.clinic(), Clock.systemUTC()))
                    .brain(brain)
                    .callControl(cc);
            return VoiceCall.builder(session).vad(new EnergyVad(500, VadOptions.DEFAULTS))
                    .stt(new ScriptedSpeechToText(List.of(), 500)).tts(new ToneTextToSpeech());
        });
    }

    @Test
    void greetingComesOutAsPaced8kFramesThenSilenceAndTheCallerHangingUpEndsTheSession() throws Exception {
        var media = (VoiceCallMediaSession) handler().open(info, control);
        short[] out = new short[MediaSession.FRAME_SAMPLES];
        short[] silence = new short[MediaSession.FRAME_SAMPLES];
        int voiced = 0;
        int quietAfterVoice = 0;
        for (int i = 0; i < 1500 && quietAfterVoice < 25; i++) { // at most 30 s of 20 ms slots
            media.onCallerAudio(silence);
            if (media.nextAgentFrame(out)) {
                voiced++;
                quietAfterVoice = 0;
            } else if (voiced > 0) {
                quietAfterVoice++;
            }
            Thread.sleep(2);
        }
        assertThat(voiced).as("greeting frames").isGreaterThan(10);
        assertThat(quietAfterVoice).as("silent after the greeting").isEqualTo(25);
        assertThat(media.call().session().history()).isNotEmpty();
        media.onDtmf('5');
        media.onEnd(EndReason.CALLER_HUNG_UP);
        assertThat(media.call().session().ended().get(5, TimeUnit.SECONDS)).isEqualTo(CallOutcome.HUNG_UP);
        assertThat(media.nextAgentFrame(out)).isFalse();
    }

    @Test
    void theRtpClocksLatenessReachesThePacingMetersSoSipCallsCountLateFrames() throws Exception {
        var meters = dev.vocadent.agent.audio.PacingMeters.global();
        var media = (VoiceCallMediaSession) handler().open(info, control);
        short[] out = new short[MediaSession.FRAME_SAMPLES];
        short[] silence = new short[MediaSession.FRAME_SAMPLES];
        long lateBefore = meters.lateFrames();
        int voiced = 0;
        for (int i = 0; i < 1500 && voiced < 5; i++) { // wait for the greeting, then five of its frames 25 ms late
            media.onCallerAudio(silence);
            if (media.nextAgentFrame(out, 25_000_000L)) {
                voiced++;
            }
            Thread.sleep(2);
        }
        assertThat(voiced).isEqualTo(5);
        long lateAfterLate = meters.lateFrames();
        assertThat(lateAfterLate - lateBefore).as("late frames counted").isGreaterThanOrEqualTo(5);
        for (int i = 0; i < 5; i++) {
            media.onCallerAudio(silence);
            media.nextAgentFrame(out, 1_000_000L); // 1 ms late: on time
        }
        media.onEnd(EndReason.CALLER_HUNG_UP);
        // other tests may run pacers at the same time, so only this session's frames are pinned from below
        assertThat(meters.frames()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void endCallHangsUpOnlyOnceTheAgentsLastWordsHaveBeenPlayed() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted").greet("Hello, Westbury Dental.")
                .turn(t -> t.say("Thank you for calling Westbury Dental. Goodbye!").call("end_call", "{}")).build();
        var media = (VoiceCallMediaSession) handler(brain).open(info, control);
        short[] out = new short[MediaSession.FRAME_SAMPLES];
        short[] silence = new short[MediaSession.FRAME_SAMPLES];
        int quiet = 0;
        for (int i = 0; i < 1500 && quiet < 25; i++) { // the greeting
            media.onCallerAudio(silence);
            quiet = media.nextAgentFrame(out) ? 0 : quiet + 1;
            Thread.sleep(2);
        }
        media.onDtmf('5');
        media.onDtmf('#'); // a caller turn: the brain says goodbye and ends the call
        assertThat(media.call().session().ended().get(5, TimeUnit.SECONDS)).isNotNull();
        int goodbyeFrames = 0;
        for (int i = 0; i < 1500 && hangUps.isEmpty(); i++) {
            media.onCallerAudio(silence);
            if (media.nextAgentFrame(out)) {
                goodbyeFrames++;
            }
            Thread.sleep(2);
        }
        assertThat(hangUps).as("one hang-up, after the goodbye").hasSize(1);
        assertThat(goodbyeFrames).as("goodbye frames played before the hang-up").isGreaterThan(25);
        assertThat(media.call().isAgentSpeaking()).isFalse();
    }
}
