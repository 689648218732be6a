package dev.vocadent.agent.voice;

import dev.vocadent.agent.audio.AudioFrame;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** Collects a stream's audio into one clip. */
final class ClipCollector implements TextToSpeech.Listener {
    private final int sampleRate;
    private final CompletableFuture<AudioFrame> result;
    private short[] buf = new short[16000];
    private int len;

    ClipCollector(int sampleRate, CompletableFuture<AudioFrame> result) {
        this.sampleRate = sampleRate;
        this.result = result;
    }

    @Override
    public synchronized void audio(short[] pcm, int off, int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
        System.arraycopy(pcm, off, buf, len, n);
        len += n;
    }

    @Override
    public synchronized void done() {
        result.complete(AudioFrame.of(Arrays.copyOf(buf, len), sampleRate));
    }

    @Override
    public void failed(TtsException error) {
        result.completeExceptionally(error);
    }
}
