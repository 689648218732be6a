package dev.vocadent.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.testing.Speech;
import dev.vocadent.agent.voice.AgentPlayout;
import dev.vocadent.agent.voice.EndOfTurnDetector;
import dev.vocadent.agent.voice.SentenceChunker;
import dev.vocadent.agent.voice.SpeechToText;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TurnOptions;
import dev.vocadent.agent.voice.Vad;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.providers.local.stt.PocketsphinxStt;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The offline pieces joined the way a call session joins them, on phone audio (8 kHz). */
class OfflineVoicePathTest {
    private long audioMillis; // the clock is the caller's audio timeline

    @Test
    void callerSpeechBecomesOneTurnOfText() throws Exception {
        InstantSource clock = () -> Instant.ofEpochMilli(audioMillis);
        ConcurrentLinkedQueue<Runnable> sessionQueue = new ConcurrentLinkedQueue<>(); // the session's own thread
        List<String> turns = new ArrayList<>();
        EndOfTurnDetector endOfTurn = new EndOfTurnDetector(TurnOptions.DEFAULTS, clock, turns::add);
        endOfTurn.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "a check-up", "a hygiene appointment"));

        try (SileroVad vad = SileroVad.manual(VadOptions.DEFAULTS, 8);
             PocketsphinxStt stt = new PocketsphinxStt(PocketsphinxStt.DEBIAN_MODEL,
                     Speech.espeak("Hello, I would like to book an appointment please.", "en-gb", 16000))) {
            Vad.Stream v = vad.stream(8000, new Vad.Listener() {
                @Override
                public void speechStarted(long startMillis) {
                    sessionQueue.add(endOfTurn::speechStarted);
                }

                @Override
                public void speechEnded(long startMillis, long endMillis) {
                    sessionQueue.add(endOfTurn::speechEnded);
                }
            });
            SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", List.of("Doctor Patel")),
                    new SpeechToText.Listener() {
                        @Override
                        public void finalText(String text, double confidence) {
                            sessionQueue.add(() -> endOfTurn.finalText(text));
                        }

                        @Override
                        public void endOfUtterance() {
                            sessionQueue.add(endOfTurn::endOfUtterance);
                        }
                    });
            s.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "a check-up", "a hygiene appointment"));

            AudioFrame speech = Speech.espeak("a hygiene appointment with Doctor Patel", "en-gb", 8000);
            short[] call = new short[8000 + speech.length() + 8000 * 4];
            System.arraycopy(speech.samples(), 0, call, 8000, speech.length());
            Speech.mix(call, 0, Speech.noise(call.length, 40, 3), call.length);
            for (int off = 0; off + 160 <= call.length && turns.isEmpty(); off += 160) {
                v.push(call, off, 160);
                s.push(call, off, 160);
                vad.runPending();
                Thread.sleep(2); // 10× real time: the recogniser (real-time factor ~0.02) keeps pace as in a call
                for (Runnable r; (r = sessionQueue.poll()) != null; ) {
                    r.run();
                }
                endOfTurn.tick();
                audioMillis += 20;
            }
            for (int i = 0; i < 500 && turns.isEmpty(); i++) { // recogniser lagging behind fed audio
                Thread.sleep(10);
                for (Runnable r; (r = sessionQueue.poll()) != null; ) {
                    r.run();
                }
                endOfTurn.tick();
                audioMillis += 20;
            }
            s.close();
        }
        assertThat(turns).hasSize(1);
        assertThat(turns.get(0)).contains("hygiene appointment").contains("patel");
    }

    @Test
    void streamedAgentTextIsSpokenSentenceBySentenceInPacedFrames() throws Exception {
        List<Integer> frameSizes = new ArrayList<>();
        AgentPlayout playout = new AgentPlayout(8000, 2000, false, f -> frameSizes.add(f.length()));
        CountDownLatch spoken = new CountDownLatch(1);
        TextToSpeech.Listener relay = new TextToSpeech.Listener() {
            @Override
            public void audio(short[] pcm, int off, int len) {
                playout.audio(pcm, off, len);
            }

            @Override
            public void textDone(String text) {
                playout.textDone(text);
            }

            @Override
            public void done() {
                playout.done();
                spoken.countDown();
            }

            @Override
            public void failed(dev.vocadent.agent.voice.TtsException error) {
                spoken.countDown();
            }
        };
        SentenceChunker chunker = new SentenceChunker();
        playout.startTurn();
        TextToSpeech.Stream tts = new EspeakTts().stream(null, 8000, relay);
        String reply = "Thanks. Dr. Okafor is free at 2:30 on Tuesday, and it costs £27.40. Shall I book it?";
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < reply.length(); i += 5) { // as an LLM streams it
            for (String sentence : chunker.push(reply.substring(i, Math.min(reply.length(), i + 5)))) {
                sentences.add(sentence);
                playout.sentence(sentence);
                tts.pushText(sentence);
            }
        }
        for (String sentence : chunker.flush()) {
            sentences.add(sentence);
            playout.sentence(sentence);
            tts.pushText(sentence);
        }
        tts.endInput();
        assertThat(spoken.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sentences).containsExactly("Thanks.", "Dr. Okafor is free at 2:30 on Tuesday, and it costs £27.40.",
                "Shall I book it?");
        int[] drained = {0};
        playout.onDrained(() -> drained[0]++);
        for (int i = 0; i < 1000 && drained[0] == 0; i++) {
            playout.pacer().tick();
        }
        assertThat(drained[0]).isEqualTo(1);
        assertThat(frameSizes).isNotEmpty().allMatch(n -> n == 160);
        assertThat(frameSizes.size()).as("several seconds of speech").isGreaterThan(150);
        assertThat(playout.heardSoFar()).isEqualTo(String.join(" ", sentences));
    }
}
