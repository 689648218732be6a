package dev.vocadent.telephony.caller;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.telephony.EndReason;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A synthetic caller that phones the agent over real SIP and RTP (G.711): after each agent turn —
 * the agent's audio went quiet for {@link #TURN_END} — it picks its reply from {@link CallerReplies}
 * for what the agent said, speaks it with the given voice as 8 kHz audio, and hangs up after its
 * goodbye, when the agent does, or when it has nothing to say to the agent's last two turns. Like a
 * person it says a line again (the next way the script words it) when the agent asks the same question
 * again, asks whether it is still there, or does not react to the line at all. What the agent said comes from {@code agentWords} (the words
 * of the agent's turns since the caller last spoke); the caller does not recognise speech itself.
 */
public final class DemoCaller {
    static final Duration TURN_END = Duration.ofSeconds(1);
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration NOTHING_TO_SAY_TIMEOUT = Duration.ofSeconds(6);
    /** No agent speech this long after our line: the agent did not hear it; say it again (at most {@link #MAX_REPEATS} times). */
    private static final Duration NO_REACTION = Duration.ofSeconds(6);
    private static final int MAX_REPEATS = 2;
    private static final int MAX_TURNS = 30;

    private final TextToSpeech voice;
    private final CallerReplies replies;
    private final Supplier<String> agentWords;
    private final Consumer<String> says;
    private final Map<String, short[]> spoken = new HashMap<>();

    /**
     * @param voice      the caller's voice (e.g. espeak-ng); lines are synthesised at 8 kHz
     * @param agentWords what the agent said since the caller's last line (consumed on each call)
     * @param says       told each line the caller is about to say
     */
    public DemoCaller(TextToSpeech voice, CallerReplies replies, Supplier<String> agentWords, Consumer<String> says) {
        this.voice = voice;
        this.replies = replies;
        this.agentWords = agentWords;
        this.says = says;
    }

    /** The placed call, before it ends: for the caller of {@link #call} to learn the SIP Call-ID. */
    public interface Placed {
        void placed(CallerCall call);
    }

    /**
     * Calls {@code dialled} at {@code server} from {@code callerNumber} and holds the conversation;
     * returns how the call ended.
     */
    public EndReason call(SipCaller sip, InetSocketAddress server, String dialled, String callerNumber, Placed placed)
            throws Exception {
        CallerAudio audio = new CallerAudio();
        CallerCall call = sip.dial(server, dialled, callerNumber, audio);
        placed.placed(call);
        call.answered().get(15, TimeUnit.SECONDS);
        try {
            converse(audio);
        } finally {
            if (!call.ended().isDone()) {
                call.hangUp();
            }
        }
        return call.ended().get(5, TimeUnit.SECONDS);
    }

    private void converse(CallerAudio audio) throws InterruptedException, TtsException {
        String answered = null; // the agent turn our last line answered
        int ignored = 0;        // our lines in a row the agent did not react to
        boolean lost = false;   // the agent's last turn matched no reply
        for (int turn = 0; turn < MAX_TURNS && !audio.ended().isDone(); turn++) {
            String agentTurn;
            boolean spoke = answered == null || lost || audio.awaitSpeech(NO_REACTION);
            if (spoke && audio.awaitTurnEnd(TURN_END, lost ? NOTHING_TO_SAY_TIMEOUT : TURN_TIMEOUT)) {
                audio.nextTurn();
                String heard = agentWords.get();
                // words that are not the brain's (the agent's "are you still there?") ask for the answer again
                agentTurn = heard.isBlank() ? answered : heard;
                ignored = 0;
            } else if (audio.ended().isDone() || lost || answered == null || ++ignored > MAX_REPEATS) {
                return; // the agent hung up, stopped talking to us, or we have nothing more to say: hang up
            } else {
                agentTurn = answered; // the agent did not react (it did not hear us): say it again, another way
            }
            Optional<String> reply = agentTurn == null ? Optional.empty() : replies.replyTo(agentTurn);
            lost = reply.isEmpty();
            if (lost) {
                continue; // nothing to say to that: listen a little longer
            }
            answered = agentTurn;
            says.accept(reply.get());
            audio.say(pcm(reply.get()));
            if (CallerReplies.isGoodbye(reply.get())) {
                // let the agent say goodbye and hang up; else hang up ourselves
                audio.awaitTurnEnd(TURN_END, Duration.ofSeconds(15));
                try {
                    audio.ended().get(3, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // the agent did not hang up: we do
                }
                return;
            }
        }
    }

    private short[] pcm(String line) throws TtsException {
        short[] cached = spoken.get(line);
        if (cached == null) {
            AudioFrame a = voice.synthesize(line, null, 8000, 30_000);
            cached = Arrays.copyOf(a.samples(), a.length());
            spoken.put(line, cached);
        }
        return cached;
    }
}
