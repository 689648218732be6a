package dev.vocadent.agent.voice;

import dev.vocadent.core.config.VoiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TTS made of several, in order of preference (ElevenLabs → espeak-ng). A stream uses the first
 * provider that is not resting; when it fails mid-turn, the adapter switches to the next and re-sends
 * every text not yet fully voiced (the interrupted sentence is spoken again from its start), so the
 * caller hears the whole turn. A failed provider rests for {@code retryAfter} before new turns try it
 * again. Switches are logged (never with the text) and counted.
 */
public final class FallbackTextToSpeech implements TextToSpeech {
    private static final Logger log = LoggerFactory.getLogger(FallbackTextToSpeech.class);

    private final List<TextToSpeech> providers;
    private final InstantSource clock;
    private final Duration retryAfter;
    private final Instant[] restingUntil;
    private final AtomicLong switches = new AtomicLong();

    public FallbackTextToSpeech(List<TextToSpeech> providers, InstantSource clock, Duration retryAfter) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a fallback TTS needs at least one provider");
        }
        this.providers = List.copyOf(providers);
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.restingUntil = new Instant[providers.size()];
    }

    @Override
    public String name() {
        StringBuilder b = new StringBuilder("fallback(");
        for (int i = 0; i < providers.size(); i++) {
            b.append(i == 0 ? "" : ",").append(providers.get(i).name());
        }
        return b.append(')').toString();
    }

    /** How many times a stream switched provider. */
    public long switches() {
        return switches.get();
    }

    synchronized int firstAvailable(int from) {
        Instant now = clock.instant();
        for (int i = from; i < providers.size(); i++) {
            if (restingUntil[i] == null || !now.isBefore(restingUntil[i])) {
                return i;
            }
        }
        return from < providers.size() ? providers.size() - 1 : -1; // all resting: try the last one anyway
    }

    synchronized void rest(int index) {
        restingUntil[index] = clock.instant().plus(retryAfter);
    }

    @Override
    public Stream stream(VoiceConfig voice, int sampleRate, Listener listener) {
        return new FallbackStream(voice, sampleRate, listener);
    }

    @Override
    public void close() {
        providers.forEach(TextToSpeech::close);
    }

    private final class FallbackStream implements Stream {
        private final VoiceConfig voice;
        private final int rate;
        private final Listener listener;
        private final List<String> unvoiced = new ArrayList<>();
        private boolean ended;
        private boolean cancelled;
        private int index;
        private Stream current;
        private Inner inner;

        FallbackStream(VoiceConfig voice, int rate, Listener listener) {
            this.voice = voice;
            this.rate = rate;
            this.listener = listener;
            synchronized (this) {
                open(firstAvailable(0));
            }
        }

        private void open(int i) {
            index = i;
            inner = new Inner(i);
            current = providers.get(i).stream(voice, rate, inner);
        }

        @Override
        public synchronized void pushText(String text) {
            if (cancelled) {
                return;
            }
            unvoiced.add(text);
            current.pushText(text);
        }

        @Override
        public synchronized void endInput() {
            if (cancelled) {
                return;
            }
            ended = true;
            current.endInput();
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            current.cancel();
        }

        private synchronized boolean live(Inner who) {
            return !cancelled && who == inner;
        }

        private synchronized void voiced(Inner who, String text) {
            if (who == inner) {
                unvoiced.remove(text);
            }
        }

        private void failed(Inner who, TtsException e) {
            Listener fail = null;
            synchronized (this) {
                if (cancelled || who != inner) {
                    return;
                }
                rest(index);
                int next = index + 1 < providers.size() ? firstAvailable(index + 1) : -1;
                if (next < 0) {
                    fail = listener;
                } else {
                    String from = providers.get(index).name();
                    switches.incrementAndGet();
                    log.warn("TTS switching from {} to {}: {} ({} texts to re-send)", from,
                            providers.get(next).name(), e.getMessage(), unvoiced.size());
                    current.cancel();
                    open(next);
                    for (String t : unvoiced) {
                        current.pushText(t);
                    }
                    if (ended) {
                        current.endInput();
                    }
                }
            }
            if (fail != null) {
                fail.failed(e);
            }
        }

        /** Forwards one provider's events while it is the current one. */
        private final class Inner implements Listener {
            private final int provider;

            Inner(int provider) {
                this.provider = provider;
            }

            @Override
            public void audio(short[] pcm, int off, int len) {
                synchronized (FallbackStream.this) { // so no audio passes once cancel() has returned
                    if (!cancelled && this == inner) {
                        listener.audio(pcm, off, len);
                    }
                }
            }

            @Override
            public void textDone(String text) {
                if (live(this)) {
                    voiced(this, text);
                    listener.textDone(text);
                }
            }

            @Override
            public void done() {
                if (live(this)) {
                    listener.done();
                }
            }

            @Override
            public void failed(TtsException error) {
                FallbackStream.this.failed(this, error);
            }

            @Override
            public String toString() {
                return "provider " + provider;
            }
        }
    }
}
