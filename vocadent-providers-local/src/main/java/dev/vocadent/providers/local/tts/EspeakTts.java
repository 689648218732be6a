package dev.vocadent.providers.local.tts;

import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.core.config.VoiceConfig;

/**
 * Offline TTS with the espeak-ng program (Debian {@code espeak-ng}): one subprocess per sentence,
 * {@code espeak-ng -v <voice> -s <words per minute> --stdout} with the text on stdin; its 22.05 kHz WAV
 * output is streamed, resampled to the requested rate and delivered as it arrives. The clinic voice's
 * {@code speed} (1 = normal) scales the base rate; voice ids of other providers are ignored.
 */
public final class EspeakTts implements TextToSpeech {
    private final String binary;
    private final String voice;
    private final int baseWordsPerMinute;

    /**
     * @param binary             the program, normally {@code espeak-ng}
     * @param voice              espeak voice, e.g. {@code en-gb}
     * @param baseWordsPerMinute rate at speed 1.0 (espeak's default is 175)
     */
    public EspeakTts(String binary, String voice, int baseWordsPerMinute) {
        if (voice == null || !voice.matches("[A-Za-z0-9+_-]{1,40}")) {
            throw new IllegalArgumentException("tts.espeak.voice must be an espeak voice name like en-gb, was " + voice);
        }
        if (baseWordsPerMinute < 80 || baseWordsPerMinute > 450) {
            throw new IllegalArgumentException("tts.espeak.words-per-minute must be 80..450, was " + baseWordsPerMinute);
        }
        this.binary = binary;
        this.voice = voice;
        this.baseWordsPerMinute = baseWordsPerMinute;
    }

    public EspeakTts() {
        this("espeak-ng", "en-gb", 170);
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    /** Words per minute for a clinic voice (speed clamped to 0.5..2). */
    int wordsPerMinute(VoiceConfig v) {
        double speed = v == null ? 1.0 : v.settings().speed();
        speed = Math.max(0.5, Math.min(2.0, speed));
        return (int) Math.round(baseWordsPerMinute * speed);
    }

    @Override
    public Stream stream(VoiceConfig v, int sampleRate, Listener listener) {
        if (sampleRate < 8000 || sampleRate > 48000) {
            throw new IllegalArgumentException("TTS sample rate must be 8000..48000 Hz, was " + sampleRate);
        }
        return new EspeakStream(binary, voice, wordsPerMinute(v), sampleRate, listener);
    }
}
