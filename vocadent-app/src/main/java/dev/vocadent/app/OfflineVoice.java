package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.providers.local.stt.PocketsphinxStt;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * The offline voice parts built from the {@code vocadent.voice} settings, in one place for every command
 * that runs calls ({@code sip}, {@code worker}, {@code demo}, {@code call}, {@code eval --voice}): the
 * agent's espeak-ng voice, the synthetic caller's voice, Silero VAD, pocketsphinx and the greeting cache.
 */
final class OfflineVoice {
    /** The simulated caller's voice: espeak-ng en-us at 150 words a minute (unlike the agent's en-GB). */
    static final String CALLER_VOICE = "en-us";
    static final int CALLER_WORDS_PER_MINUTE = 150;
    private static final String PRIMER_TEXT = "Hello, I would like to book an appointment please.";

    private OfflineVoice() {}

    /** The agent's voice ({@code tts.espeak.*}). */
    static EspeakTts agentVoice(Config voice) {
        return new EspeakTts(voice.getString("tts.espeak.binary"), voice.getString("tts.espeak.voice"),
                voice.getInt("tts.espeak.words-per-minute"));
    }

    /** The synthetic caller's voice of {@code call}, {@code demo} and {@code eval --voice}. */
    static EspeakTts callerVoice(Config voice) {
        return new EspeakTts(voice.getString("tts.espeak.binary"), CALLER_VOICE, CALLER_WORDS_PER_MINUTE);
    }

    /** Silero VAD with its batching inference thread ({@code vad.*}). */
    static SileroVad vad(Config voice) {
        return SileroVad.start(VadOptions.from(voice.getConfig("vad")), voice.getInt("vad.max-batch"));
    }

    /** A sentence of speech at 16 kHz that warms a new recogniser up (its first utterance decodes worse). */
    static AudioFrame primer(TextToSpeech tts) throws TtsException {
        return tts.synthesize(PRIMER_TEXT, null, 16000, 30_000);
    }

    /** Pocketsphinx with the model of {@code stt.pocketsphinx-model-dir}, primed with {@code primer}. */
    static PocketsphinxStt stt(Config voice, AudioFrame primer) {
        return new PocketsphinxStt(Path.of(voice.getString("stt.pocketsphinx-model-dir")), primer);
    }

    /** The cache of synthesised greetings ({@code greeting.*}). */
    static GreetingCache greetings(TextToSpeech tts, Config voice, ExecutorService executor) {
        return new GreetingCache(tts, voice.getLong("greeting.cache-bytes"), voice.getLong("greeting.timeout-ms"), executor);
    }
}
