package dev.vocadent.agent.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what a TTS stream delivers. */
public final class TtsRecorder implements TextToSpeech.Listener {
    public final List<String> voiced = new ArrayList<>();
    public final CountDownLatch finished = new CountDownLatch(1);
    public volatile TtsException error;
    public volatile boolean done;
    private long samples;

    @Override
    public synchronized void audio(short[] pcm, int off, int len) {
        samples += len;
    }

    @Override
    public synchronized void textDone(String text) {
        voiced.add(text);
    }

    @Override
    public void done() {
        done = true;
        finished.countDown();
    }

    @Override
    public void failed(TtsException e) {
        error = e;
        finished.countDown();
    }

    public synchronized long samples() {
        return samples;
    }

    public boolean await() throws InterruptedException {
        return finished.await(20, TimeUnit.SECONDS);
    }
}
