package dev.vocadent.providers.local.stt;

import dev.vocadent.agent.audio.AudioFrame;
import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.voice.SpeechToText;
import dev.vocadent.providers.local.tts.EspeakTts;
import java.util.List;

/**
 * Diagnostic (not a test): caller lines as the voice eval says them (espeak-ng en-us 150 wpm, 8 kHz,
 * digital silence around them, finalised as the VAD would) through PocketsphinxStt with a turn grammar.
 * Run: java -cp ... dev.vocadent.providers.local.stt.SttDiagnosticMain [noise-sigma]
 */
public final class SttDiagnosticMain {
    record Case(String said, ExpectedAnswer expected) {}

    public static void main(String[] args) throws Exception {
        double sigma = args.length > 0 ? Double.parseDouble(args[0]) : 0;
        int rate = Integer.getInteger("rate", 8000);
        int lead = args.length > 1 ? Integer.parseInt(args[1]) * rate / 1000 : rate * 2 / 5; // ms of silence before each line
        List<String> keyterms = List.of("Doctor Patel", "Doctor Okafor", "check-up", "hygiene appointment",
                "emergency appointment", "Westbury Dental");
        List<Case> cases = List.of(
                new Case("anyone", new ExpectedAnswer(ExpectedAnswer.Kind.CHOICE, List.of("Doctor Patel", "Doctor Okafor", "anyone"))),
                new Case("anyone is fine", new ExpectedAnswer(ExpectedAnswer.Kind.CHOICE, List.of("Doctor Patel", "Doctor Okafor", "anyone"))),
                new Case("don't mind", new ExpectedAnswer(ExpectedAnswer.Kind.CHOICE, List.of("Doctor Patel", "Doctor Okafor", "anyone"))),
                new Case("nhs", ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "NHS", "private")),
                new Case("private", ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "NHS", "private")),
                new Case("on the nhs", ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "NHS", "private")),
                new Case("yes", ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO)),
                new Case("yes please", ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO)),
                new Case("no thanks", ExpectedAnswer.of(ExpectedAnswer.Kind.YES_NO)),
                new Case("the first one please", ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "Tuesday 9:30", "Wednesday 2:15")),
                new Case("next tuesday afternoon", ExpectedAnswer.of(ExpectedAnswer.Kind.DATE, "tomorrow", "next week", "morning", "afternoon")),
                new Case("friday", ExpectedAnswer.of(ExpectedAnswer.Kind.DATE, "tomorrow", "next week", "morning", "afternoon")),
                new Case("john smith", ExpectedAnswer.of(ExpectedAnswer.Kind.NAME)),
                new Case("twenty ninth of march nineteen forty three", ExpectedAnswer.of(ExpectedAnswer.Kind.DATE_OF_BIRTH)),
                new Case("oh double seven double oh nine double oh one two three", ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER)),
                new Case("oh double seven double oh nine double oh nine seven four", ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER)),
                new Case("oh double seven double oh nine double oh seven oh three", ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER)),
                new Case("oh double seven double oh nine double oh one double oh", ExpectedAnswer.of(ExpectedAnswer.Kind.PHONE_NUMBER)),
                new Case("I'd like to book a check up", ExpectedAnswer.FREE),
                new Case("where can i park", ExpectedAnswer.FREE),
                new Case("I've got a toothache", ExpectedAnswer.FREE),
                new Case("can i speak to a real person", ExpectedAnswer.FREE));
        EspeakTts caller = new EspeakTts("espeak-ng", System.getProperty("voice", "en-us"), 150);
        AudioFrame primer = caller.synthesize("Hello, I would like to book an appointment please.", null, 16000, 30_000);
        PocketsphinxStt stt = new PocketsphinxStt(PocketsphinxStt.DEBIAN_MODEL, primer);
        PocketsphinxSttTest.Heard h = new PocketsphinxSttTest.Heard();
        int errs = 0, total = 0, nothing = 0;
        try (SpeechToText.Stream s = stt.stream(new SpeechToText.Options(rate, "en-GB", keyterms), h)) {
            for (Case c : cases) {
                s.expect(c.expected());
                AudioFrame a = caller.synthesize(c.said(), null, rate, 30_000);
                short[] all = new short[lead + a.length() + rate * 2];
                System.arraycopy(a.samples(), 0, all, lead, a.length());
                if (sigma > 0) {
                    short[] noise = dev.vocadent.agent.testing.Speech.noise(all.length, sigma, c.said().hashCode());
                    dev.vocadent.agent.testing.Speech.mix(all, 0, noise, noise.length);
                }
                int end = all.length; // VAD decides ~500 ms after the last word
                for (int off = 0; off < end; off += rate / 50) {
                    s.push(all, off, Math.min(rate / 50, end - off));
                }
                s.finalizeUtterance();
                Thread.sleep(500);
                StringBuilder got = new StringBuilder();
                String u;
                while ((u = h.utterances.poll()) != null) {
                    got.append(got.isEmpty() ? "" : " | ").append(u);
                }
                for (int off = end; off < all.length; off += rate / 50) {
                    s.push(all, off, Math.min(rate / 50, all.length - off));
                }
                Thread.sleep(100);
                while ((u = h.utterances.poll()) != null) {
                    got.append(" || late:").append(u);
                }
                List<String> ref = PocketsphinxSttTest.words(c.said());
                List<String> hyp = PocketsphinxSttTest.words(got.toString().replace("|", " ").replace("late:", ""));
                errs += PocketsphinxSttTest.errors(ref, hyp);
                total += ref.size();
                if (hyp.isEmpty()) {
                    nothing++;
                }
                System.out.printf("%-55s -> %s%n", c.said(), got);
            }
        }
        System.out.printf("WER %.1f%% (%d/%d), nothing %d/%d%n", 100.0 * errs / total, errs, total, nothing, cases.size());
        stt.close();
        System.exit(0);
    }
}
