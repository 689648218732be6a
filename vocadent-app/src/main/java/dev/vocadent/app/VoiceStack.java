package dev.vocadent.app;

import com.typesafe.config.Config;
import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.voice.GreetingCache;
import dev.vocadent.agent.voice.TtsException;
import dev.vocadent.providers.local.stt.PocketsphinxStt;
import dev.vocadent.providers.local.tts.EspeakTts;
import dev.vocadent.providers.local.vad.SileroVad;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The offline voice stack shared by the calls of {@code eval --voice} (parts from {@link OfflineVoice}):
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
        EspeakTts agentVoice = OfflineVoice.agentVoice(voice);
        EspeakTts callerVoice = OfflineVoice.callerVoice(voice);
        AudioFrame primer = OfflineVoice.primer(callerVoice);
        SileroVad vad = OfflineVoice.vad(voice);
        PocketsphinxStt stt;
        try {
            stt = OfflineVoice.stt(voice, primer);
        } catch (RuntimeException e) {
            vad.close();
            throw new UserError("speech recognition is not available: " + e.getMessage());
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        GreetingCache greetings = OfflineVoice.greetings(agentVoice, voice, executor);
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
