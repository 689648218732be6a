package dev.vocadent.providers.local.stt;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Java 25 FFM bindings to Debian's pocketsphinx 5prealpha ({@code libpocketsphinx.so.3},
 * {@code libsphinxbase.so.3}). Configuration goes through {@code cmd_ln_parse_r} with an argv array
 * (the variadic {@code cmd_ln_init} is avoided). Only what the streaming recogniser needs.
 */
@SuppressWarnings("restricted") // FFM downcalls: run with --enable-native-access=ALL-UNNAMED
final class Pocketsphinx {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final MemorySegment NULL = MemorySegment.NULL;
    private static volatile Pocketsphinx instance;

    final MethodHandle cmdLnParseR;
    final MethodHandle psArgs;
    final MethodHandle psInit;
    final MethodHandle psStartUtt;
    final MethodHandle psProcessRaw;
    final MethodHandle psEndUtt;
    final MethodHandle psGetHyp;
    final MethodHandle psGetInSpeech;
    final MethodHandle psFree;
    final MethodHandle psSetJsgfString;
    final MethodHandle psSetSearch;
    final MethodHandle psAddWord;

    private Pocketsphinx() {
        Arena global = Arena.global();
        SymbolLookup base = SymbolLookup.libraryLookup("libsphinxbase.so.3", global);
        SymbolLookup ps = SymbolLookup.libraryLookup("libpocketsphinx.so.3", global);
        ValueLayout.OfLong size = ValueLayout.JAVA_LONG;
        var ptr = ValueLayout.ADDRESS;
        cmdLnParseR = h(base, "cmd_ln_parse_r", FunctionDescriptor.of(ptr, ptr, ptr, INT, ptr, INT));
        psArgs = h(ps, "ps_args", FunctionDescriptor.of(ptr));
        psInit = h(ps, "ps_init", FunctionDescriptor.of(ptr, ptr));
        psStartUtt = h(ps, "ps_start_utt", FunctionDescriptor.of(INT, ptr));
        psProcessRaw = h(ps, "ps_process_raw", FunctionDescriptor.of(INT, ptr, ptr, size, INT, INT));
        psEndUtt = h(ps, "ps_end_utt", FunctionDescriptor.of(INT, ptr));
        psGetHyp = h(ps, "ps_get_hyp", FunctionDescriptor.of(ptr, ptr, ptr));
        psGetInSpeech = h(ps, "ps_get_in_speech", FunctionDescriptor.of(ValueLayout.JAVA_BYTE, ptr));
        psFree = h(ps, "ps_free", FunctionDescriptor.of(INT, ptr));
        psSetJsgfString = h(ps, "ps_set_jsgf_string", FunctionDescriptor.of(INT, ptr, ptr, ptr));
        psSetSearch = h(ps, "ps_set_search", FunctionDescriptor.of(INT, ptr, ptr));
        psAddWord = h(ps, "ps_add_word", FunctionDescriptor.of(INT, ptr, ptr, ptr, INT));
    }

    private static MethodHandle h(SymbolLookup lib, String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(lib.find(name).orElseThrow(() -> new IllegalStateException("missing symbol " + name)), fd);
    }

    /** The bindings; throws {@link IllegalStateException} naming the Debian packages when absent. */
    static Pocketsphinx get() {
        Pocketsphinx p = instance;
        if (p == null) {
            synchronized (Pocketsphinx.class) {
                if (instance == null) {
                    try {
                        instance = new Pocketsphinx();
                    } catch (IllegalArgumentException | IllegalStateException | UnsatisfiedLinkError e) {
                        throw new IllegalStateException("pocketsphinx libraries not found (apt-get install "
                                + "libpocketsphinx3 pocketsphinx-en-us): " + e.getMessage(), e);
                    }
                }
                p = instance;
            }
        }
        return p;
    }

    /** Parses {@code args} (name/value pairs, without argv[0]) into a cmd_ln_t. */
    MemorySegment config(Arena arena, List<String> args) {
        MemorySegment argv = arena.allocate(ValueLayout.ADDRESS, args.size() + 1);
        argv.setAtIndex(ValueLayout.ADDRESS, 0, arena.allocateFrom("vocadent"));
        for (int i = 0; i < args.size(); i++) {
            argv.setAtIndex(ValueLayout.ADDRESS, i + 1, arena.allocateFrom(args.get(i)));
        }
        try {
            MemorySegment defs = (MemorySegment) psArgs.invokeExact();
            MemorySegment cfg = (MemorySegment) cmdLnParseR.invokeExact(NULL, defs, args.size() + 1, argv, 1);
            if (cfg.address() == 0) {
                throw new IllegalStateException("pocketsphinx rejected its configuration " + args);
            }
            return cfg;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment init(MemorySegment config) {
        try {
            MemorySegment ps = (MemorySegment) psInit.invokeExact(config);
            if (ps.address() == 0) {
                throw new IllegalStateException("ps_init failed (model, dictionary or grammar not loadable)");
            }
            return ps;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int call(MethodHandle h, MemorySegment ps) {
        try {
            return (int) h.invokeExact(ps);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int processRaw(MemorySegment ps, MemorySegment samples, long n) {
        try {
            return (int) psProcessRaw.invokeExact(ps, samples, n, 0, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    boolean inSpeech(MemorySegment ps) {
        try {
            return (byte) psGetInSpeech.invokeExact(ps) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The current hypothesis, copied at once (the decoder owns the string); "" when none. */
    String hyp(MemorySegment ps, Arena arena) {
        try {
            MemorySegment score = arena.allocate(INT);
            MemorySegment s = (MemorySegment) psGetHyp.invokeExact(ps, score);
            return s.address() == 0 ? "" : s.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int setJsgf(MemorySegment ps, Arena arena, String name, String grammar) {
        try {
            return (int) psSetJsgfString.invokeExact(ps, arena.allocateFrom(name), arena.allocateFrom(grammar));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int setSearch(MemorySegment ps, Arena arena, String name) {
        try {
            return (int) psSetSearch.invokeExact(ps, arena.allocateFrom(name));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int addWord(MemorySegment ps, Arena arena, String word, String phones, boolean update) {
        try {
            return (int) psAddWord.invokeExact(ps, arena.allocateFrom(word), arena.allocateFrom(phones), update ? 1 : 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
