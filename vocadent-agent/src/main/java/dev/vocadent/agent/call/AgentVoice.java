package dev.vocadent.agent.call;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.AudioPacer;
import dev.vocadent.agent.audio.FrameConsumer;
import dev.vocadent.agent.voice.AgentPlayout;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.SentenceChunker;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.config.VoiceConfig;
import java.time.InstantSource;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of one call: streamed session text → sentences → one TTS stream per utterance →
 * {@link AgentPlayout} (pacer + what-was-heard tracking) → the transport. An utterance is an agent
 * turn (possibly opened early by a filler line), the cached greeting clip, or a fixed line such as the
 * idle prompt. Audio of a cancelled utterance is dropped by generation.
 */
final class AgentVoice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentVoice.class);

    private final TextToSpeech tts;
    private final GreetingCache greetings;
    private final ClinicConfig clinic;
    private final VoiceConfig voiceConfig;
    private final int rate;
    private final AgentPlayout playout;
    private final InstantSource clock;
    private final TurnTimings timings;
    private final SentenceChunker chunker = new SentenceChunker(12);

    private TextToSpeech.Stream stream;
    private long generation;
    private boolean open;            // an utterance takes text
    private volatile boolean draining; // its audio is still queued or playing
    private boolean interrupted;     // barge-in: drop the rest of this agent turn
    private String greetingLeft;     // greeting played from the cache: swallow this text of the first turn
    private final StringBuilder greetingSeen = new StringBuilder();
    private String filler;           // filler line inside the current utterance (not part of the history)

    AgentVoice(TextToSpeech tts, GreetingCache greetings, ClinicConfig clinic, int rate, int ringMillis,
               boolean silenceWhenIdle, FrameConsumer output, InstantSource clock, TurnTimings timings,
               Runnable drained) {
        this.tts = tts;
        this.greetings = greetings;
        this.clinic = clinic;
        this.voiceConfig = clinic.voice();
        this.rate = rate;
        this.clock = clock;
        this.timings = timings;
        FrameConsumer out = new FrameConsumer() {
            @Override
            public void frame(AudioFrame frame) {
                output.frame(frame);
                if (timings.isOpen() && playoutRef().playedThisTurn() > 0) {
                    timings.firstAudioOut(clock.millis());
                }
            }

            @Override
            public void drained() {
                output.drained();
            }
        };
        this.playout = new AgentPlayout(rate, ringMillis, silenceWhenIdle, out);
        this.playout.onDrained(() -> {
            synchronized (this) {
                if (!open) {
                    draining = false;
                }
            }
            drained.run();
        });
    }

    private AgentPlayout playoutRef() {
        return playout;
    }

    AudioPacer pacer() {
        return playout.pacer();
    }

    synchronized boolean isPlaying() {
        return open || draining;
    }

    synchronized boolean interruptedThisTurn() {
        return interrupted;
    }

    /** Plays the clinic's greeting from the cache (synthesised now if it is not there yet). */
    synchronized void greet() {
        String text = clinic.greeting();
        if (greetings == null || text == null || text.isBlank()) {
            return;
        }
        AudioFrame clip = greetings.getIfPresent(clinic.customerId(), voiceConfig, text, rate);
        if (clip == null) {
            try {
                clip = greetings.get(clinic.customerId(), voiceConfig, text, rate);
            } catch (TtsException e) {
                log.warn("greeting synthesis failed ({}); the greeting is spoken as a turn", e.getMessage());
                return;
            }
        }
        playout.startTurn();
        playout.sentence(text);
        playout.audio(clip.samples(), 0, clip.length());
        playout.textDone(text);
        draining = true;
        playout.done();
        greetingLeft = text;
    }

    /** Session text; returns true if it opened a new utterance (the agent starts talking). */
    synchronized boolean text(String delta) {
        if (interrupted) {
            return false;
        }
        if (greetingLeft != null) {
            greetingSeen.append(delta);
            String seen = norm(greetingSeen.toString());
            String greeting = norm(greetingLeft);
            if (greeting.startsWith(seen)) {
                return false; // already played from the cache
            }
            String raw = greetingSeen.toString();
            greetingLeft = null;
            greetingSeen.setLength(0);
            delta = seen.startsWith(greeting) ? raw.substring(Math.min(raw.length(), prefixLength(raw, greeting))) : raw;
        }
        timings.firstToken(clock.millis());
        boolean opened = ensureOpen();
        for (String s : chunker.push(delta)) {
            say(s);
        }
        return opened;
    }

    /** The agent's turn is over (or the session ended): speak what is left and close the utterance. */
    synchronized void endTurn() {
        interrupted = false;
        if (greetingLeft != null) {
            greetingLeft = null;
            greetingSeen.setLength(0);
        }
        if (!open) {
            return;
        }
        for (String s : chunker.flush()) {
            say(s);
        }
        open = false;
        draining = true;
        stream.endInput();
    }

    /** A filler line while the reply is slow; the reply continues in the same utterance. */
    synchronized void filler(String line) {
        if (interrupted) {
            return;
        }
        ensureOpen();
        filler = line;
        say(line);
    }

    /** A fixed line of its own (idle prompt); ignored while the agent is talking. */
    synchronized boolean sayLine(String line) {
        if (open) {
            return false;
        }
        ensureOpen();
        say(line);
        open = false;
        draining = true;
        stream.endInput();
        return true;
    }

    /** Barge-in: silence from the next frame; returns the agent text the caller heard. */
    synchronized String interrupt() {
        String heard = playout.interrupt();
        cancel();
        interrupted = open || interrupted;
        open = false;
        draining = false;
        chunker.clear();
        if (filler != null) {
            heard = heard.replaceFirst(java.util.regex.Pattern.quote(filler) + "\\s*", "").strip();
        }
        return heard;
    }

    /** The caller left: stop at once. */
    synchronized void stop() {
        playout.interrupt();
        cancel();
        open = false;
        draining = false;
    }

    @Override
    public synchronized void close() {
        stop();
        playout.pacer().close();
    }

    private boolean ensureOpen() {
        if (open) {
            return false;
        }
        if (!draining) {
            playout.startTurn(); // else the previous utterance's tail is still playing: keep counting from it
        }
        filler = null;
        open = true;
        long gen = ++generation;
        stream = tts.stream(voiceConfig, rate, new Relay(gen));
        return true;
    }

    private void say(String sentence) {
        playout.sentence(sentence);
        stream.pushText(sentence);
    }

    private void cancel() {
        generation++;
        if (stream != null) {
            stream.cancel();
            stream = null;
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The length of the prefix of {@code raw} whose normalised form is {@code normalised}. */
    private static int prefixLength(String raw, String normalised) {
        for (int i = 0; i <= raw.length(); i++) {
            if (norm(raw.substring(0, i)).equals(normalised)) {
                int j = i;
                while (j < raw.length() && !Character.isLetterOrDigit(raw.charAt(j))) {
                    j++;
                }
                return j;
            }
        }
        return 0;
    }

    /** TTS events of one utterance. */
    private final class Relay implements TextToSpeech.Listener {
        private final long gen;

        Relay(long gen) {
            this.gen = gen;
        }

        @Override
        public void audio(short[] pcm, int off, int len) {
            synchronized (AgentVoice.this) {
                if (gen != generation) {
                    return;
                }
                timings.firstTtsAudio(clock.millis());
                playout.audio(pcm, off, len);
            }
        }

        @Override
        public void textDone(String text) {
            synchronized (AgentVoice.this) {
                if (gen == generation) {
                    playout.textDone(text);
                }
            }
        }

        @Override
        public void done() {
            synchronized (AgentVoice.this) {
                if (gen == generation) {
                    playout.done();
                }
            }
        }

        @Override
        public void failed(TtsException error) {
            log.warn("speech synthesis failed: {}", error.getMessage());
            done();
        }
    }
}
