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

    /**
     * Locking: {@code order} serialises the calls this stream makes into providers (push, end, cancel,
     * switch) so texts keep their order; {@code this} guards state only and is the one lock held while
     * forwarding events to the listener. Providers call back holding their own locks, so no provider
     * method is ever called while {@code this} is held (no lock-order inversion).
     */
    private final class FallbackStream implements Stream {
        private final VoiceConfig voice;
        private final int rate;
        private final Listener listener;
        private final java.util.concurrent.locks.ReentrantLock order = new java.util.concurrent.locks.ReentrantLock();
        private final List<String> unvoiced = new ArrayList<>();
        private boolean ended;
        private volatile boolean cancelled;
        private int index;
        private Stream current;
        private Inner inner;

        FallbackStream(VoiceConfig voice, int rate, Listener listener) {
            this.voice = voice;
            this.rate = rate;
            this.listener = listener;
            int first = firstAvailable(0);
            Inner in = new Inner(first);
            synchronized (this) {
                index = first;
                inner = in;
            }
            Stream s = providers.get(first).stream(voice, rate, in);
            synchronized (this) {
                current = s;
            }
        }

        @Override
        public void pushText(String text) {
            order.lock();
            try {
                Stream s;
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    unvoiced.add(text);
                    s = current;
                }
                s.pushText(text);
            } finally {
                order.unlock();
            }
        }

        @Override
        public void endInput() {
            order.lock();
            try {
                Stream s;
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    ended = true;
                    s = current;
                }
                s.endInput();
            } finally {
                order.unlock();
            }
        }

        @Override
        public void cancel() {
            synchronized (this) {
                cancelled = true; // from here on no event reaches the listener
            }
            order.lock();
            try {
                Stream s;
                synchronized (this) {
                    s = current;
                }
                s.cancel();
            } finally {
                order.unlock();
            }
        }

        private void failed(Inner who, TtsException e) {
            order.lock();
            try {
                Stream old;
                int next;
                synchronized (this) {
                    if (cancelled || who != inner) {
                        return;
                    }
                    rest(index);
                    next = index + 1 < providers.size() ? firstAvailable(index + 1) : -1;
                    if (next < 0) {
                        inner = null;
                    } else {
                        switches.incrementAndGet();
                        log.warn("TTS switching from {} to {}: {} ({} texts to re-send)", providers.get(index).name(),
                                providers.get(next).name(), e.getMessage(), unvoiced.size());
                        index = next;
                        inner = new Inner(next);
                    }
                    old = current;
                }
                old.cancel();
                if (next < 0) {
                    listener.failed(e);
                    return;
                }
                Inner in;
                synchronized (this) {
                    in = inner;
                }
                Stream fresh = providers.get(next).stream(voice, rate, in);
                List<String> resend;
                boolean end;
                synchronized (this) {
                    current = fresh;
                    resend = List.copyOf(unvoiced);
                    end = ended;
                }
                for (String t : resend) {
                    fresh.pushText(t);
                }
                if (end) {
                    fresh.endInput();
                }
            } finally {
                order.unlock();
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
                synchronized (FallbackStream.this) { // so no audio passes once cancel() has set the flag
                    if (!cancelled && this == inner) {
                        listener.audio(pcm, off, len);
                    }
                }
            }

            @Override
            public void textDone(String text) {
                synchronized (FallbackStream.this) {
                    if (!cancelled && this == inner) {
                        unvoiced.remove(text);
                        listener.textDone(text);
                    }
                }
            }

            @Override
            public void done() {
                synchronized (FallbackStream.this) {
                    if (!cancelled && this == inner) {
                        listener.done();
                    }
                }
            }

            @Override
            public void failed(TtsException error) {
                // off the provider's thread: a switch calls into providers, which may hold their own locks now
                Thread.ofVirtual().name("tts-fallback").start(() -> FallbackStream.this.failed(this, error));
            }

            @Override
            public String toString() {
                return "provider " + provider;
            }
        }
    }
}
