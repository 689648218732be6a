package dev.vocadent.agent.call;

import static dev.vocadent.agent.call.VoiceCallHarness.nonSilent;
import static dev.vocadent.agent.call.VoiceCallHarness.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.brain.HistoryItem;
import dev.vocadent.agent.testing.ScriptedBrain;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.demo.DemoClinics;
import dev.vocadent.core.outcome.CallOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class VoiceCallTest {
    private static final String LONG_REPLY = "We have a check-up with Doctor Patel on Tuesday morning at nine. "
            + "There is also one on Wednesday afternoon at two. Which would suit you better?";

    @Test
    void callerSpeechBecomesOneCallerTurnAndTheExpectedAnswerReachesTheRecogniser() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted")
                .turn(t -> t.say("Of course. What is your phone number?")
                        .expect(ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER)))
                .build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();

        h.callerSays("I'd like a check-up please");
        h.frames(20); // 400 ms of silence: past the 300 ms endpointing
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        assertThat(brain.heard()).containsExactly("I'd like a check-up please");
        until("expected answer passed to STT", () -> h.stt.expected.stream()
                .anyMatch(e -> e.kind() == ExpectedAnswer.Kind.PHONE_NUMBER));
        assertThat(h.stt.options.keyterms()).isEqualTo(DemoClinics.westbury().sttKeyterms());

        h.playAll();
        List<TurnLatency> lat = h.call.turnLatencies();
        assertThat(lat).hasSize(1);
        assertThat(lat.get(0).eosToFinal()).isNotNull();
        assertThat(lat.get(0).eosToFirstAudio()).isNotNull().isGreaterThanOrEqualTo(300);
        assertThat(h.registry.find("vocadent.voice.turn.latency").tag("stage", "eos_to_first_audio_out").timer().count())
                .isEqualTo(1);
    }

    @Test
    void agentTextIsSpokenInExactTwentyMillisecondFrames() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted").build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        String greeting = DemoClinics.westbury().greeting();
        assertThat(String.join(" ", h.tts.texts)).isEqualTo(greeting.strip());
        assertThat(h.frames).allMatch(f -> f.length == 160);
        int toneFrames = h.tts.inner instanceof dev.vocadent.agent.voice.ToneTextToSpeech t
                ? (int) Math.ceil(h.tts.texts.stream().mapToInt(s -> t.samplesFor(s, 8000)).sum() / 160.0) : -1;
        assertThat(nonSilent(h.frames)).isBetween(toneFrames - 1, toneFrames + 1);
    }

    @Test
    void bargeInSilencesTheNextFrameAndTruncatesTheHistoryToWhatWasHeard() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted")
                .turn(t -> t.say(LONG_REPLY))
                .turn(t -> t.say("No problem."))
                .build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.callerSays("a check-up");
        h.frames(20);
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        until("reply audio queued", () -> h.call.pacer().queuedSamples() > 8000);
        h.frames(50); // one second of the reply played
        int before = h.frames.size();

        h.vad.listener.speechStarted(0);
        h.stt.listener.interim("actually can I do Friday");
        h.frames(9); // under 200 ms: not yet
        assertThat(nonSilent(h.frames.subList(before, h.frames.size()))).isEqualTo(9);
        h.frame();   // 200 ms of real words: the agent stops
        int cut = h.frames.size();
        h.frames(10);
        assertThat(nonSilent(h.frames.subList(cut, h.frames.size()))).as("silent from the next frame").isZero();
        assertThat(h.tts.cancels.get()).isGreaterThanOrEqualTo(1);

        h.stt.listener.finalText("actually can I do Friday", 0.9);
        h.stt.listener.endOfUtterance();
        h.vad.listener.speechEnded(0, 100);
        h.frames(20);
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.call.session().end();
        h.call.session().ended().get(10, TimeUnit.SECONDS);
        List<HistoryItem> agent = h.call.session().history().stream()
                .filter(i -> i.role() == HistoryItem.Role.AGENT).toList();
        String heard = agent.get(1).text();
        assertThat(heard).isNotBlank().isNotEqualTo(LONG_REPLY);
        assertThat(LONG_REPLY).startsWith(heard.replaceAll("[.…]+$", "").strip());
    }

    @Test
    void aBackchannelDoesNotInterruptTheAgentNorBecomeACallerTurn() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted").turn(t -> t.say(LONG_REPLY)).build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.callerSays("a check-up");
        h.frames(20);
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        until("reply audio queued", () -> h.call.pacer().queuedSamples() > 8000);
        h.frames(25);

        h.vad.listener.speechStarted(0);
        h.stt.listener.interim("mm-hmm");
        h.frames(15); // 300 ms: longer than a real interruption needs, shorter than the backchannel limit
        h.stt.listener.finalText("mm-hmm", 0.9);
        h.stt.listener.endOfUtterance();
        h.vad.listener.speechEnded(0, 100);
        int after = h.frames.size();
        h.frames(40);
        assertThat(nonSilent(h.frames.subList(after, h.frames.size()))).isEqualTo(40);
        assertThat(h.tts.cancels.get()).isZero();
        h.playAll();
        assertThat(brain.heard()).containsExactly("a check-up");
    }

    @Test
    void aSilentLineGetsAPromptThenAPoliteEnd() throws Exception {
        VoiceCallHarness h = new VoiceCallHarness(ScriptedBrain.named("scripted").build());
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.frames(100); // 2 s of silence
        until("idle prompt", () -> h.tts.texts.contains(VoiceCall.IDLE_PROMPT));
        h.playAll();
        assertThat(h.call.finished()).isNotDone();
        h.frames(150); // 3 s more
        until("goodbye", () -> h.tts.texts.contains(VoiceCall.IDLE_GOODBYE));
        h.playAll();
        assertThat(h.call.finished().get(10, TimeUnit.SECONDS)).isEqualTo(CallOutcome.HUNG_UP);
    }

    @Test
    void callerSpeechResetsTheIdleTimer() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted").turn(t -> t.say("Sure.")).build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.frames(80);
        h.callerSays("hello");
        h.frames(20);
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.frames(60);
        assertThat(h.tts.texts).doesNotContain(VoiceCall.IDLE_PROMPT);
    }

    @Test
    void aSlowTurnGetsOneFillerLineThenTheAnswer() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted")
                .turn(t -> t.pause(Duration.ofMillis(1500)).say("Tuesday at nine is free."))
                .build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.callerSays("anything on Tuesday");
        h.frames(20); // turn ends after 300 ms
        h.frames(40); // 800 ms without an answer
        until("filler", () -> h.tts.texts.contains(VoiceCall.FILLER));
        h.frames(60);
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        assertThat(h.tts.texts).containsSubsequence(VoiceCall.FILLER, "Tuesday at nine is free.");
        assertThat(h.tts.texts.stream().filter(VoiceCall.FILLER::equals).count()).isEqualTo(1);
    }

    @Test
    void theCallersFirstWordsReachTheRecogniserEvenWhileItConnects() throws Exception {
        VoiceCallHarness.HeldExecutor held = new VoiceCallHarness.HeldExecutor();
        VoiceCallHarness h = new VoiceCallHarness(ScriptedBrain.named("scripted").build(), b -> b.executor(held));
        short[] speech = VoiceCallHarness.tone(160);
        for (int i = 0; i < 10; i++) {
            h.call.callerAudio(speech, 0, 160); // before the call is answered
        }
        h.call.start();
        for (int i = 0; i < 25; i++) {
            h.call.callerAudio(speech, 0, 160); // while STT connects
        }
        assertThat(h.stt.samples.get()).isZero();
        held.runAll(); // STT connected
        h.call.callerAudio(speech, 0, 160);
        assertThat(h.stt.samples.get()).isEqualTo(36 * 160);
        assertThat(h.call.droppedCallerSamples()).isZero();
    }

    @Test
    void dtmfKeysReachTheSession() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted").turn(t -> t.say("Thanks.")).build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        for (char c : "07700900123#".toCharArray()) {
            h.call.callerDtmf(c);
        }
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        assertThat(brain.heard().getFirst()).contains("07700900123");
    }

    @Test
    void callerHangUpEndsTheSessionAsHungUp() throws Exception {
        VoiceCallHarness h = new VoiceCallHarness(ScriptedBrain.named("scripted").build());
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.call.callerHungUp();
        assertThat(h.call.session().ended().get(10, TimeUnit.SECONDS)).isEqualTo(CallOutcome.HUNG_UP);
        h.frames(5);
        assertThat(nonSilent(h.frames.subList(h.frames.size() - 5, h.frames.size()))).isZero();
    }

    @Test
    void finishedCompletesOnlyOnceTheSessionHasEndedSoPostCallCanTakeAHungUpCall() throws Exception {
        VoiceCallHarness h = new VoiceCallHarness(ScriptedBrain.named("scripted").build());
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        java.util.concurrent.CompletableFuture<Boolean> endedWhenFinished = h.call.finished()
                .thenApply(o -> h.call.session().isEnded());
        h.call.callerHungUp(); // agent silent: the session's end is the call's end
        assertThat(h.call.finished().get(10, TimeUnit.SECONDS)).isEqualTo(CallOutcome.HUNG_UP);
        assertThat(endedWhenFinished.get(10, TimeUnit.SECONDS)).as("session ended when finished() completed").isTrue();
    }

    @Test
    void closingWhileTheLastWordsStillPlayFinishesTheCall() throws Exception {
        ScriptedBrain brain = ScriptedBrain.named("scripted")
                .turn(t -> t.say(LONG_REPLY).call("end_call", "{}"))
                .build();
        VoiceCallHarness h = new VoiceCallHarness(brain);
        h.call.start();
        assertThat(h.events.awaitListening(1, 10)).isTrue();
        h.playAll();
        h.callerSays("goodbye");
        until("the session ended by end_call", () -> {
            h.frame();
            return h.call.session().isEnded();
        });
        assertThat(h.call.isAgentSpeaking()).as("the goodbye still playing").isTrue();
        h.call.close(); // the transport ended the call before the goodbye was over
        assertThat(h.call.finished().get(10, TimeUnit.SECONDS)).isEqualTo(h.call.session().ended().get());
    }

    @Test
    void callerAudioAtTheWrongRateIsRefused() {
        VoiceCallHarness h = new VoiceCallHarness(ScriptedBrain.named("scripted").build());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> h.call.callerAudio(VoiceCallHarness.toneFrame(16000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VoiceCall.builder(null))
                .isInstanceOf(NullPointerException.class);
    }
}
