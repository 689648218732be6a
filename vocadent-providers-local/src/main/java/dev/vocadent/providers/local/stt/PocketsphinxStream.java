package dev.vocadent.providers.local.stt;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.FramePool;
import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.voice.SpeechToText;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's decoder, owned by one virtual thread: audio (resampled to 16 kHz on the pushing thread)
 * and commands go through a queue, so callers never wait for decoding.
 */
final class PocketsphinxStream implements SpeechToText.Stream {
    private static final Logger log = LoggerFactory.getLogger(PocketsphinxStream.class);
    private static final int INTERIM_EVERY = 16000 / 4;     // samples between interim results
    private static final int IDLE_RESTART = 16000 * 10;     // restart a silent utterance after 10 s

    private record Expect(ExpectedAnswer answer) {}

    /** A pooled 16 kHz chunk: {@code buf[0..len)}. */
    private record Chunk(short[] buf, int len) {}

    private static final int POOLED = 1024;

    /**
     * Wider search beams than pocketsphinx's defaults (beam 1e-48, wbeam 7e-29, pbeam 1e-48). With the
     * defaults, band-limited (upsampled 8 kHz) speech often lost every path that reaches the grammar's
     * end ("Final result does not match the grammar"), so a whole answer came out as nothing. Grammar
     * searches are small, so the wider beams cost little.
     */
    static final List<String> WIDE_BEAMS = List.of("-beam", "1e-80", "-wbeam", "1e-60", "-pbeam", "1e-80");


    private static final Object FINALIZE = new Object();
    private static final Object CLOSE = new Object();

    private final PocketsphinxStt owner;
    private final SpeechToText.Options options;
    private final SpeechToText.Listener listener;
    private final Resampler resampler;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final FramePool pool = new FramePool(POOLED, 64);
    private short[] resampled = new short[0];
    private volatile boolean closed;

    // worker-thread state
    private Pocketsphinx ps;
    private MemorySegment decoder;
    private Arena arena;
    private MemorySegment audio;
    private boolean speechSeen;
    private long uttSamples;
    private long sinceInterim;
    private String lastInterim = "";
    private ExpectedAnswer pending;
    private String currentSearch = "domain";
    private final java.util.Set<String> known = new java.util.HashSet<>();

    PocketsphinxStream(PocketsphinxStt owner, SpeechToText.Options options, SpeechToText.Listener listener) {
        this.owner = owner;
        this.options = options;
        this.listener = listener;
        this.resampler = options.sampleRate() == 16000 ? null : new Resampler(options.sampleRate(), 16000);
        Thread.ofVirtual().name("pocketsphinx").start(this::run);
    }

    @Override
    public void push(short[] pcm, int off, int len) {
        if (closed || len == 0) {
            return;
        }
        if (resampler == null) {
            enqueue(pcm, off, len);
        } else {
            synchronized (resampler) {
                if (resampled.length < resampler.maxOutput(len)) {
                    resampled = new short[resampler.maxOutput(len)];
                }
                int n = resampler.process(pcm, off, len, resampled, 0);
                enqueue(resampled, 0, n);
            }
        }
    }

    /** Copies into a pooled buffer (20 ms frames fit), so steady streaming allocates nothing per frame. */
    private void enqueue(short[] pcm, int off, int len) {
        if (len == 0) {
            return;
        }
        short[] buf = len <= POOLED ? pool.take() : new short[len];
        System.arraycopy(pcm, off, buf, 0, len);
        queue.add(new Chunk(buf, len));
    }

    @Override
    public void expect(ExpectedAnswer answer) {
        if (!closed) {
            queue.add(new Expect(answer == null ? ExpectedAnswer.FREE : answer));
        }
    }

    @Override
    public void finalizeUtterance() {
        if (!closed) {
            queue.add(FINALIZE);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.add(CLOSE);
        }
    }

    private void run() {
        try {
            open();
            while (true) {
                Object item = queue.take();
                if (item == CLOSE) {
                    if (speechSeen) {
                        endUtterance(); // what the caller said before hanging up still counts
                    }
                    return;
                } else if (item == FINALIZE) {
                    if (speechSeen) {
                        endUtterance();
                    }
                } else if (item instanceof Expect e) {
                    pending = e.answer();
                    if (!speechSeen) {
                        restartUtterance();
                    }
                } else if (item instanceof Chunk c) {
                    process(c.buf(), c.len());
                    pool.give(c.buf());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("offline recogniser failed: {}", e.getMessage());
            listener.error("offline recogniser failed: " + e.getMessage(), false);
        } finally {
            if (decoder != null) {
                ps.call(ps.psFree, decoder);
            }
            if (arena != null) {
                arena.close();
            }
        }
    }

    private void open() {
        ps = Pocketsphinx.get();
        arena = Arena.ofConfined();
        List<String> args = new ArrayList<>(List.of(
                "-hmm", owner.hmm.toString(), "-dict", owner.dictFile.toString(), "-jsgf", owner.grammarFile.toString(),
                "-samprate", "16000", "-logfn", "/dev/null"));
        args.addAll(WIDE_BEAMS);
        if (options.sampleRate() < 16000) {
            args.addAll(List.of("-remove_noise", "no")); // upsampled phone audio has nothing above 4 kHz
        }
        MemorySegment config = ps.config(arena, args);
        decoder = ps.init(config);
        audio = arena.allocate(ValueLayout.JAVA_SHORT, 16000);
        known.addAll(owner.baseWords);
        addWords(owner.grammars.domain(options.keyterms()));
        use("domain", owner.grammars.domain(options.keyterms()));
        check(ps.call(ps.psStartUtt, decoder), "ps_start_utt");
        AudioFrame primer = owner.primerFor(options.sampleRate());
        if (primer != null) {
            feed(primer.samples(), primer.length());
            ps.call(ps.psEndUtt, decoder);
            check(ps.call(ps.psStartUtt, decoder), "ps_start_utt");
        }
    }

    private void addWords(String grammar) {
        // words the decoder's dictionary lacks; ps_add_word refuses known ones harmlessly. The last
        // addition rebuilds the decoder's tables (update=1) so the new grammar can use them.
        List<String> add = new ArrayList<>();
        for (String w : owner.grammars.words(grammar)) {
            if (!known.contains(w) && owner.lexicon.phones(w) != null) {
                add.add(w);
            }
        }
        for (int i = 0; i < add.size(); i++) {
            ps.addWord(decoder, arena, add.get(i), owner.lexicon.phones(add.get(i)), i == add.size() - 1);
            known.add(add.get(i));
        }
    }

    private void use(String name, String grammar) {
        check(ps.setJsgf(decoder, arena, name, grammar), "ps_set_jsgf_string");
        check(ps.setSearch(decoder, arena, name), "ps_set_search");
        currentSearch = name;
    }

    private void feed(short[] pcm, int len) {
        for (int off = 0; off < len; off += 16000) {
            int n = Math.min(16000, len - off);
            MemorySegment.copy(pcm, off, audio, ValueLayout.JAVA_SHORT, 0, n);
            ps.processRaw(decoder, audio, n);
        }
    }

    private void process(short[] chunk, int len) {
        feed(chunk, len);
        uttSamples += len;
        boolean inSpeech = ps.inSpeech(decoder);
        if (inSpeech && !speechSeen) {
            speechSeen = true;
            sinceInterim = 0;
        }
        if (speechSeen) {
            sinceInterim += len;
            if (sinceInterim >= INTERIM_EVERY) {
                sinceInterim = 0;
                String h = ps.hyp(decoder, arena).strip();
                if (!h.isEmpty() && !h.equals(lastInterim)) {
                    lastInterim = h;
                    listener.interim(h);
                }
            }
            if (!inSpeech) {
                endUtterance();
            }
        } else if (uttSamples > IDLE_RESTART || pending != null) {
            restartUtterance();
        }
    }

    private void endUtterance() {
        ps.call(ps.psEndUtt, decoder);
        String h = ps.hyp(decoder, arena).strip();
        speechSeen = false;
        lastInterim = "";
        if (!h.isEmpty()) {
            listener.finalText(h, Double.NaN);
        }
        listener.endOfUtterance();
        applyPending();
        check(ps.call(ps.psStartUtt, decoder), "ps_start_utt");
        uttSamples = 0;
    }

    private void restartUtterance() {
        ps.call(ps.psEndUtt, decoder);
        applyPending();
        check(ps.call(ps.psStartUtt, decoder), "ps_start_utt");
        uttSamples = 0;
    }

    private void applyPending() {
        if (pending == null) {
            return;
        }
        ExpectedAnswer a = pending;
        pending = null;
        if (a.kind() == ExpectedAnswer.Kind.FREE && a.phrases().isEmpty()) {
            check(ps.setSearch(decoder, arena, "domain"), "ps_set_search");
            currentSearch = "domain";
            return;
        }
        String g = owner.grammars.forAnswer(a, options.keyterms());
        addWords(g);
        // alternate between two names: a search cannot be replaced while it is the current one
        use(currentSearch.equals("turn-a") ? "turn-b" : "turn-a", g);
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException(what + " failed (" + rc + ")");
        }
    }
}
