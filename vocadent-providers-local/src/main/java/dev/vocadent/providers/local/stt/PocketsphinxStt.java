package dev.vocadent.providers.local.stt;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.audio.Resampler;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.voice.SpeechToText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Offline streaming recognition with Debian's pocketsphinx through FFM. One decoder per call (about
 * 20 MB), 16 kHz acoustic model (phone audio is upsampled), recognition constrained by JSGF grammars:
 * the dental-front-desk domain grammar with the clinic's vocabulary, switched per turn to a grammar of
 * the expected answer ({@link SpeechToText.Stream#expect}). Endpointing is the decoder's own speech
 * detector, or the VAD's through {@link SpeechToText.Stream#finalizeUtterance()}.
 */
public final class PocketsphinxStt implements SpeechToText {
    /** Where Debian's pocketsphinx-en-us puts the model. */
    public static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    final Path hmm;
    final Path dictFile;
    final Path grammarFile;
    final Lexicon lexicon;
    final Grammars grammars;
    final AudioFrame primer;
    final Set<String> baseWords;

    /**
     * @param modelDir folder with {@code en-us/} (acoustic model) and {@code cmudict-en-us.dict}
     * @param primer   16 kHz speech run through each new decoder before the call's audio (warms up the
     *                 cepstral mean normalisation); null for none
     */
    public PocketsphinxStt(Path modelDir, AudioFrame primer) {
        if (!Files.isDirectory(modelDir.resolve("en-us")) || !Files.isRegularFile(modelDir.resolve("cmudict-en-us.dict"))) {
            throw new IllegalArgumentException("no pocketsphinx model at " + modelDir
                    + " (apt-get install pocketsphinx-en-us, or set stt.pocketsphinx.model-dir)");
        }
        if (primer != null && primer.sampleRate() != 16000) {
            throw new IllegalArgumentException("the primer must be 16 kHz audio");
        }
        Pocketsphinx.get(); // fail early, naming the packages
        this.hmm = modelDir.resolve("en-us");
        this.lexicon = Lexicon.load(modelDir.resolve("cmudict-en-us.dict"));
        this.grammars = new Grammars(lexicon);
        this.primer = primer;
        try {
            String base = grammars.domain(List.of());
            Set<String> words = new TreeSet<>(grammars.words(base));
            for (ExpectedAnswer.Kind k : ExpectedAnswer.Kind.values()) {
                words.addAll(grammars.words(grammars.forAnswer(new ExpectedAnswer(k, List.of()), List.of())));
            }
            List<String> lines = new ArrayList<>();
            Set<String> inDict = new TreeSet<>();
            for (String w : words) {
                String ph = lexicon.phones(w);
                if (ph != null) {
                    lines.add(w + " " + ph);
                    inDict.add(w);
                }
            }
            this.baseWords = Set.copyOf(inDict);
            this.dictFile = Files.createTempFile("vocadent-stt-", ".dict");
            this.grammarFile = Files.createTempFile("vocadent-stt-", ".gram");
            dictFile.toFile().deleteOnExit();
            grammarFile.toFile().deleteOnExit();
            Files.write(dictFile, lines);
            Files.writeString(grammarFile, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recogniser's dictionary", e);
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<Integer, AudioFrame> primers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The primer as a call at {@code rate} would sound: phone audio is band-limited, so the primer is
     * taken down to the call's rate and back up, and the normalisation warms up on the right channel.
     */
    AudioFrame primerFor(int rate) {
        if (primer == null || rate >= 16000) {
            return primer;
        }
        return primers.computeIfAbsent(rate, r -> Resampler.convert(Resampler.convert(primer, r), 16000));
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public Stream stream(Options options, Listener listener) {
        if (!options.language().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
            throw new IllegalArgumentException("the offline recogniser only knows English, not " + options.language());
        }
        return new PocketsphinxStream(this, options, listener);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(dictFile);
            Files.deleteIfExists(grammarFile);
        } catch (IOException e) {
            // temp files; deleteOnExit covers them
        }
    }
}
