package dev.vocadent.providers.local.tts;

import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.voice.TextToSpeech;
import dev.vocadent.agent.voice.TtsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/** One turn of espeak-ng synthesis: a virtual thread speaks the queued texts one subprocess each. */
final class EspeakStream implements TextToSpeech.Stream {
    private static final String END = new String("<end>");
    private static final String CANCEL = new String("<cancel>");

    private final String binary;
    private final String voice;
    private final int wpm;
    private final int rate;
    private final TextToSpeech.Listener listener;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;
    private volatile Process current;

    EspeakStream(String binary, String voice, int wpm, int rate, TextToSpeech.Listener listener) {
        this.binary = binary;
        this.voice = voice;
        this.wpm = wpm;
        this.rate = rate;
        this.listener = listener;
        Thread.ofVirtual().name("espeak-tts").start(this::run);
    }

    @Override
    public void pushText(String text) {
        if (!cancelled && text != null && !text.isBlank()) {
            queue.add(text);
        }
    }

    @Override
    public void endInput() {
        if (!cancelled) {
            queue.add(END);
        }
    }

    @Override
    public void cancel() {
        synchronized (this) {
            cancelled = true; // after this block no audio() call can start
        }
        queue.clear();
        queue.add(CANCEL);
        Process p = current;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    private void run() {
        try {
            while (true) {
                String text = queue.take();
                if (text == CANCEL || cancelled) {
                    return;
                }
                if (text == END) {
                    listener.done();
                    return;
                }
                speak(text);
                if (cancelled) {
                    return;
                }
                listener.textDone(text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TtsException e) {
            if (!cancelled) {
                listener.failed(e);
            }
        }
    }

    private void speak(String text) throws TtsException, InterruptedException {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ");
        Process p;
        try {
            p = new ProcessBuilder(binary, "-v", voice, "-s", Integer.toString(wpm), "--stdout")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new TtsException("espeak-ng", "cannot start " + binary + " (apt-get install espeak-ng): " + e.getMessage(), e);
        }
        current = p;
        try {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(clean.getBytes(StandardCharsets.UTF_8));
            }
            stream(p.getInputStream());
            int code = p.waitFor();
            if (code != 0 && !cancelled) {
                throw new TtsException("espeak-ng", "exited with " + code);
            }
        } catch (IOException e) {
            if (!cancelled) {
                throw new TtsException("espeak-ng", "reading its output failed: " + e.getMessage(), e);
            }
        } finally {
            current = null;
            p.destroy();
        }
    }

    /** Reads the 44-byte WAV header, then streams PCM through a resampler to the listener. */
    private void stream(InputStream in) throws IOException, TtsException {
        byte[] header = in.readNBytes(44);
        if (header.length < 44 || header[0] != 'R' || header[8] != 'W' || header[36] != 'd') {
            throw new TtsException("espeak-ng", "unexpected output (no WAV header)");
        }
        int srcRate = (header[24] & 0xff) | (header[25] & 0xff) << 8 | (header[26] & 0xff) << 16 | (header[27] & 0xff) << 24;
        Resampler r = new Resampler(srcRate, rate);
        byte[] bytes = new byte[4096];
        short[] pcm = new short[2048];
        short[] out = new short[r.maxOutput(2048)];
        int carry = 0;
        int n;
        while ((n = in.read(bytes, carry, bytes.length - carry)) > 0 && !cancelled) {
            int total = carry + n;
            int samples = total / 2;
            for (int i = 0; i < samples; i++) {
                pcm[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
            }
            carry = total & 1;
            if (carry == 1) {
                bytes[0] = bytes[total - 1];
            }
            int m = r.process(pcm, 0, samples, out, 0);
            deliver(out, m);
        }
        if (!cancelled) { // flush the resampler's look-ahead
            short[] zeros = new short[1024];
            int m = r.process(zeros, 0, zeros.length, out, 0);
            int tail = Math.min(m, (int) ((long) 1024 * rate / srcRate / 2));
            deliver(out, tail);
        }
    }

    private synchronized void deliver(short[] pcm, int n) {
        if (n > 0 && !cancelled) {
            listener.audio(pcm, 0, n);
        }
    }
}
