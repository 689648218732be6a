package dev.vocadent.agent.call;

import dev.vocadent.core.api.TurnLatency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-turn latency of one call: the moments of a turn (caller's end of speech, final transcript, first
 * brain token, first TTS audio, first agent audio out) as they happen, closed into a {@link TurnLatency}
 * when the first agent audio leaves (or when the next turn begins). Timestamps are on the call's clock,
 * in ms. Thread-safe (moments come from the session, the TTS and the pacer thread).
 */
final class TurnTimings {
    private static final Logger log = LoggerFactory.getLogger(TurnTimings.class);

    private final List<TurnLatency> done = new ArrayList<>();
    private final Timer eosToFinal;
    private final Timer finalToToken;
    private final Timer tokenToAudio;
    private final Timer eosToAudio;
    private final Consumer<TurnLatency> sink;
    private final String callId;
    private volatile boolean open;
    private long eos = -1;
    private long fin = -1;
    private long token = -1;
    private long audio = -1;

    TurnTimings(MeterRegistry registry, Consumer<TurnLatency> sink, String callId) {
        this.eosToFinal = timer(registry, "eos_to_final");
        this.finalToToken = timer(registry, "final_to_first_token");
        this.tokenToAudio = timer(registry, "first_token_to_audio");
        this.eosToAudio = timer(registry, "eos_to_first_audio_out");
        this.sink = sink;
        this.callId = callId;
    }

    private static Timer timer(MeterRegistry r, String stage) {
        return Timer.builder("vocadent.voice.turn.latency").tag("stage", stage)
                .description("Voice turn latency by stage").register(r);
    }

    /** The caller's speech ended (VAD). */
    synchronized void endOfSpeech(long at) {
        eos = at;
    }

    /** A final transcript arrived (the last one before the turn ends counts). */
    synchronized void finalTranscript(long at) {
        fin = at;
    }

    /** The caller's turn was handed to the session: a new turn is measured. */
    synchronized void turnEnded(long at) {
        if (open) {
            closeTurn(-1);
        }
        open = true;
        if (fin < 0) {
            fin = at; // DTMF or STT without finals: the hand-over is the final
        }
        token = -1;
        audio = -1;
    }

    synchronized void firstToken(long at) {
        if (open && token < 0) {
            token = at;
        }
    }

    /** TTS audio of the reply arrived (audio before the first token, such as a filler line, does not count). */
    synchronized void firstTtsAudio(long at) {
        if (open && token >= 0 && audio < 0) {
            audio = at;
        }
    }

    /** The first agent audio of the turn left the pacer: the turn's figures are complete. */
    synchronized void firstAudioOut(long at) {
        if (open && audio >= 0) {
            closeTurn(at);
        }
    }

    boolean isOpen() {
        return open;
    }

    synchronized List<TurnLatency> all() {
        return List.copyOf(done);
    }

    private void closeTurn(long out) {
        open = false;
        TurnLatency t = new TurnLatency(eos >= 0 && fin >= 0 ? Math.max(0, fin - eos) : null, /* STT may finalise before VAD ends */ span(fin, token), span(token, audio), span(eos, out));
        eos = -1;
        fin = -1;
        done.add(t);
        record(eosToFinal, t.eosToFinal());
        record(finalToToken, t.finalToFirstToken());
        record(tokenToAudio, t.firstTokenToAudio());
        record(eosToAudio, t.eosToFirstAudio());
        log.debug("call {} turn {}: eos→final {} ms, final→token {} ms, token→audio {} ms, eos→out {} ms", callId,
                done.size(), t.eosToFinal(), t.finalToFirstToken(), t.firstTokenToAudio(), t.eosToFirstAudio());
        try {
            sink.accept(t);
        } catch (RuntimeException e) {
            log.warn("turn latency sink failed: {}", e.toString());
        }
    }

    private static Long span(long from, long to) {
        return from < 0 || to < 0 || to < from ? null : to - from;
    }

    private static void record(Timer t, Long ms) {
        if (ms != null) {
            t.record(Duration.ofMillis(ms));
        }
    }
}
