package dev.vocadent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.audio.AudioFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BargeInTest {
    final FakeClock clock = new FakeClock();
    final List<String> interruptions = new ArrayList<>();
    final BargeInDetector d = new BargeInDetector(TurnOptions.DEFAULTS, clock, interruptions::add);

    long run(long ms) {
        for (long t = 0; t <= ms; t += 20) {
            if (d.tick()) {
                return t;
            }
            clock.advance(20);
        }
        return -1;
    }

    @Test
    void realWordsInterruptAfterTheMinimumSpeech() {
        d.agentSpeaking(true);
        d.speechStarted();
        d.transcript("actually can I");
        assertThat(run(2000)).isBetween(500L, 520L);
        assertThat(interruptions).containsExactly("actually can I");
        assertThat(run(2000)).as("once per turn").isEqualTo(-1);
    }

    @Test
    void backchannelsDoNotInterrupt() {
        d.agentSpeaking(true);
        for (String b : List.of("mm-hmm", "yeah", "ok", "uh-huh", "right", "yeah okay", "I see")) {
            d.speechStarted();
            d.transcript(b);
            assertThat(run(1000)).as(b).isEqualTo(-1);
            d.speechEnded();
        }
        assertThat(interruptions).isEmpty();
        assertThat(Backchannel.is("yeah but I need Tuesday")).isFalse();
        assertThat(Backchannel.is("")).isFalse();
    }

    @Test
    void aLongAcknowledgementStillInterrupts() {
        d.agentSpeaking(true);
        d.speechStarted();
        d.transcript("yeah");
        assertThat(run(3000)).isBetween(1500L, 1520L);
    }

    @Test
    void speechWithoutTranscriptNeedsLonger() {
        d.agentSpeaking(true);
        d.speechStarted();
        assertThat(run(3000)).isBetween(1000L, 1020L);
    }

    @Test
    void callerSpeechWhileTheAgentIsQuietIsNotBargeIn() {
        d.agentSpeaking(false);
        d.speechStarted();
        d.transcript("hello there");
        assertThat(run(2000)).isEqualTo(-1);
    }

    @Test
    void interruptStopsAudioWithinOneFrameAndReportsWhatWasHeard() {
        List<AudioFrame> out = new ArrayList<>();
        AgentPlayout p = new AgentPlayout(8000, 200, false, f -> out.add(f.copy()));
        p.startTurn();
        // two sentences of 1 s each (8000 samples), the second still arriving when the caller cuts in
        p.sentence("Doctor Okafor is free on Tuesday.");
        p.audio(new short[8000], 0, 8000);
        p.textDone("Doctor Okafor is free on Tuesday.");
        p.sentence("Would nine thirty or two fifteen suit you better?");
        p.audio(new short[8000], 0, 8000);
        p.textDone("Would nine thirty or two fifteen suit you better?");
        p.done();
        for (int i = 0; i < 75; i++) { // 1.5 s played: all of the first, half of the second
            p.pacer().tick();
        }
        String heard = p.interrupt();
        int sent = out.size();
        p.pacer().tick();
        p.pacer().tick();
        assertThat(out).as("nothing after the interrupt").hasSize(sent);
        assertThat(heard).as("9 words, half played: 4 whole words").isEqualTo("Doctor Okafor is free on Tuesday. Would nine thirty or");
    }

    @Test
    void playoutKeepsWhatDoesNotFitTheRingAndPlaysItAll() {
        List<AudioFrame> out = new ArrayList<>();
        int[] drained = {0};
        AgentPlayout p = new AgentPlayout(8000, 100, false, f -> out.add(f.copy()));
        p.onDrained(() -> drained[0]++);
        p.startTurn();
        p.sentence("One.");
        p.audio(new short[4000], 0, 4000); // 500 ms into a 100 ms ring
        p.textDone("One.");
        p.done();
        for (int i = 0; i < 30; i++) {
            p.pacer().tick();
        }
        assertThat(out).hasSize(25);
        assertThat(drained[0]).isEqualTo(1);
        assertThat(p.heardSoFar()).isEqualTo("One.");
    }

    @Test
    void idleLinePromptsThenHangsUp() {
        List<String> events = new ArrayList<>();
        IdleDetector idle = new IdleDetector(TurnOptions.DEFAULTS, clock, new IdleDetector.Listener() {
            @Override
            public void promptIdleCaller() {
                events.add("prompt");
            }

            @Override
            public void hangUpIdleCall() {
                events.add("hangup");
            }
        });
        clock.advance(9_000);
        idle.tick();
        assertThat(events).isEmpty();
        idle.callerActivity();
        clock.advance(9_000);
        idle.tick();
        assertThat(events).isEmpty();
        clock.advance(1_000);
        idle.tick();
        assertThat(events).containsExactly("prompt");
        idle.agentSpeaking(true);
        clock.advance(30_000);
        idle.tick();
        idle.agentSpeaking(false);
        clock.advance(19_000);
        idle.tick();
        assertThat(events).containsExactly("prompt");
        clock.advance(1_000);
        idle.tick();
        assertThat(events).containsExactly("prompt", "hangup");
    }

    @Test
    void firstWordsAreKeptUntilSttConnects() {
        FirstWordsBuffer b = new FirstWordsBuffer(8000, 1000);
        short[] frame = new short[160];
        for (int i = 0; i < 10; i++) {
            frame[0] = (short) i;
            b.push(frame, 0, 160);
        }
        List<Short> got = new ArrayList<>();
        b.connected((pcm, off, len) -> got.add(pcm[off]));
        frame[0] = 99;
        b.push(frame, 0, 160);
        assertThat(got).containsExactly((short) 0, (short) 1, (short) 2, (short) 3, (short) 4, (short) 5, (short) 6,
                (short) 7, (short) 8, (short) 9, (short) 99);
        FirstWordsBuffer small = new FirstWordsBuffer(8000, 100); // 800 samples
        for (int i = 0; i < 10; i++) {
            small.push(frame, 0, 160);
        }
        assertThat(small.bufferedSamples()).isEqualTo(800);
        assertThat(small.droppedSamples()).isEqualTo(800);
    }
}
