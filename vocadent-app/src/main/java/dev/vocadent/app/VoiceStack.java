package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.agent.voice.VadOptions;
import dev.vocadent.providers.local.stt.PocketsphinxStt;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The offline voice stack shared by the calls of {@code eval --voice}, configured as {@code call} does:
 * Silero VAD, pocketsphinx, the agent's espeak-ng voice with its greeting cache, and the synthetic caller's
 * voice (espeak-ng en-us, 150 words a minute).
 */
final class VoiceStack implements AutoCloseable {
    private final SileroVad vad;
    private final PocketsphinxStt stt;
    private final ExecutorService executor;
    private final VoiceScenarioCall.Stack stack;

    private VoiceStack(SileroVad vad, PocketsphinxStt stt, ExecutorService executor, VoiceScenarioCall.Stack stack) {
        this.vad = vad;
        this.stt = stt;
        this.executor = executor;
        this.stack = stack;
    }

    static VoiceStack open(Config settings) throws TtsException {
        Config voice = settings.getConfig("voice");
        EspeakTts agentVoice = new EspeakTts(voice.getString("tts.espeak.binary"), voice.getString("tts.espeak.voice"),
                voice.getInt("tts.espeak.words-per-minute"));
        EspeakTts callerVoice = new EspeakTts(voice.getString("tts.espeak.binary"), "en-us", 150);
        AudioFrame primer = callerVoice.synthesize("Hello, I would like to book an appointment please.", null, 16000, 30_000);
        SileroVad vad = SileroVad.start(VadOptions.from(voice.getConfig("vad")), voice.getInt("vad.max-batch"));
        PocketsphinxStt stt;
        try {
            stt = new PocketsphinxStt(Path.of(voice.getString("stt.pocketsphinx-model-dir")), primer);
        } catch (RuntimeException e) {
            vad.close();
            throw new UserError("speech recognition is not available: " + e.getMessage());
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        GreetingCache greetings = new GreetingCache(agentVoice, voice.getLong("greeting.cache-bytes"),
                voice.getLong("greeting.timeout-ms"), executor);
        return new VoiceStack(vad, stt, executor,
                new VoiceScenarioCall.Stack(vad, stt, agentVoice, callerVoice, greetings, voice, settings));
    }

    VoiceScenarioCall.Stack stack() {
        return stack;
    }

    @Override
    public void close() {
        try {
            stt.close();
        } finally {
            vad.close();
            executor.shutdown();
        }
    }
}
