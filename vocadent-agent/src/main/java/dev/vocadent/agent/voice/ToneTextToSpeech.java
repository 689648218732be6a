package dev.vocadent.agent.voice;

import dev.vocadent.core.config.VoiceConfig;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake TTS for tests and benchmarks: each text becomes a 440 Hz tone of {@code millisPerChar} per
 * character, delivered at once in 20 ms pieces on a virtual thread. It can be told to fail after a
 * number of texts, optionally after delivering part of that text's audio (a drop mid-sentence).
 */
public final class ToneTextToSpeech implements TextToSpeech {
    private final String name;
    private final int millisPerChar;
    private final AtomicInteger failAfterTexts;
    private final AtomicInteger textsStarted = new AtomicInteger();

    /** @param failAfterTexts texts voiced before it fails mid-way through the next (-1 = never) */
    public ToneTextToSpeech(String name, int millisPerChar, int failAfterTexts) {
        this.name = name;
        this.millisPerChar = millisPerChar;
        this.failAfterTexts = new AtomicInteger(failAfterTexts);
    }

    public ToneTextToSpeech() {
        this("tone", 50, -1);
    }

    @Override
    public String name() {
        return name;
    }

    /** Texts this provider has started voicing. */
    public int textsStarted() {
        return textsStarted.get();
    }

    /** Samples the tone of {@code text} lasts at {@code rate}. */
    public int samplesFor(String text, int rate) {
        return (int) ((long) text.length() * millisPerChar * rate / 1000);
    }

    @Override
    public Stream stream(VoiceConfig voice, int sampleRate, Listener listener) {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        String end = new String("<end>");
        boolean[] cancelled = {false};
        Object lock = new Object();
        Thread.ofVirtual().name("tone-tts").start(() -> {
            short[] chunk = new short[sampleRate / 50];
            long phase = 0;
            try {
                while (true) {
                    String text = queue.take();
                    if (text == end) {
                        synchronized (lock) {
                            if (!cancelled[0]) {
                                listener.done();
                            }
                        }
                        return;
                    }
                    int remainingOk = failAfterTexts.getAndDecrement();
                    textsStarted.incrementAndGet();
                    int total = samplesFor(text, sampleRate);
                    int limit = remainingOk == 0 ? total / 2 : total;
                    for (int done = 0; done < limit; done += chunk.length) {
                        int n = Math.min(chunk.length, limit - done);
                        for (int i = 0; i < n; i++, phase++) {
                            chunk[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * phase / sampleRate));
                        }
                        synchronized (lock) {
                            if (cancelled[0]) {
                                return;
                            }
                            listener.audio(chunk, 0, n);
                        }
                    }
                    if (remainingOk == 0) {
                        listener.failed(new TtsException(name, "connection dropped (scripted)"));
                        return;
                    }
                    synchronized (lock) {
                        if (cancelled[0]) {
                            return;
                        }
                        listener.textDone(text);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return new Stream() {
            @Override
            public void pushText(String text) {
                queue.add(text);
            }

            @Override
            public void endInput() {
                queue.add(end);
            }

            @Override
            public void cancel() {
                synchronized (lock) {
                    cancelled[0] = true;
                }
                queue.add(end);
            }
        };
    }
}
