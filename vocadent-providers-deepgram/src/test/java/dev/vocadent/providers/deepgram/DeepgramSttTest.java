package dev.vocadent.providers.deepgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vocadent.agent.brain.ExpectedAnswer;
import dev.vocadent.agent.voice.SpeechToText;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeepgramSttTest {
    static final String KEY = "test-key-123";
    static final List<String> TERMS = List.of("Doctor Okafor", "Westbury Dental", "scale & polish");
    FakeDeepgram server;
    DeepgramStt stt;

    /** Everything the listener heard, as "kind:text" events. */
    static final class Events implements SpeechToText.Listener {
        final LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public void interim(String text) {
            q.add("interim:" + text);
        }

        @Override
        public void finalText(String text, double confidence) {
            q.add("final:" + text + ":" + confidence);
        }

        @Override
        public void endOfUtterance() {
            q.add("end");
        }

        @Override
        public void error(String message, boolean recoverable) {
            errors.add((recoverable ? "recoverable:" : "fatal:") + message);
        }

        String next() throws InterruptedException {
            String e = q.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event in time").isNotNull();
            return e;
        }
    }

    void start(String serverKey, String clientKey) {
        server = new FakeDeepgram(serverKey);
        server.script.addAll(List.of(
                FakeDeepgram.results("I'd like", false, false, false),
                FakeDeepgram.results("I'd like to book", false, false, false),
                FakeDeepgram.results("I'd like to book a check-up", true, true, false),
                FakeDeepgram.utteranceEnd(),
                FakeDeepgram.results("with Doctor Okafor", true, false, false),
                FakeDeepgram.utteranceEnd()));
        stt = new DeepgramStt(DeepgramOptions.defaults(clientKey).withUrl(server.url()).withKeepAlive(Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        if (stt != null) {
            stt.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static void audio(SpeechToText.Stream s, int millis) {
        short[] frame = new short[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) (1000 * Math.sin(i / 3.0));
        }
        for (int t = 0; t < millis; t += 20) {
            s.push(frame, 0, frame.length);
        }
    }

    static void await(BooleanSupplier cond) throws InterruptedException {
        for (int i = 0; i < 500 && !cond.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(cond.getAsBoolean()).as("condition reached in time").isTrue();
    }

    @Test
    void streamsAudioAndTurnsResultsIntoInterimFinalAndEndOfUtterance() throws Exception {
        start(KEY, KEY);
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", TERMS), ev);
        audio(s, 3000); // 48000 bytes: 3 steps of 16000
        assertThat(ev.next()).isEqualTo("interim:I'd like");
        assertThat(ev.next()).isEqualTo("interim:I'd like to book");
        assertThat(ev.next()).isEqualTo("final:I'd like to book a check-up:0.93");
        assertThat(ev.next()).isEqualTo("end");
        audio(s, 3000); // UtteranceEnd after the speech_final: no second "end"; then a final closed by UtteranceEnd
        assertThat(ev.next()).isEqualTo("final:with Doctor Okafor:0.93");
        assertThat(ev.next()).isEqualTo("end");
        s.close();
        await(() -> server.controls.contains("{\"type\":\"CloseStream\"}"));

        String q = server.queries.get(0);
        assertThat(q).contains("model=nova-3", "language=en-GB", "encoding=linear16", "sample_rate=8000",
                "interim_results=true", "endpointing=300", "utterance_end_ms=1000",
                "keyterm=Doctor%20Okafor", "keyterm=Westbury%20Dental", "keyterm=scale%20%26%20polish");
        assertThat(server.totalBytes()).isEqualTo(6000 / 20 * 320);
        assertThat(ev.errors).isEmpty();
    }

    @Test
    void sendsKeepAliveDuringSilenceAndFinalizeOnRequest() throws Exception {
        start(KEY, KEY);
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(16000, "en-GB", List.of()), ev);
        await(() -> server.controls.contains("{\"type\":\"KeepAlive\"}"));
        s.finalizeUtterance();
        assertThat(ev.next()).isEqualTo("final:finalised words:0.93");
        assertThat(ev.next()).isEqualTo("end");
        s.close();
    }

    @Test
    void slowFirstMessageIsWaitedFor() throws Exception {
        start(KEY, KEY);
        server.firstMessageDelayMs = 1500;
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", TERMS), ev);
        audio(s, 3000);
        assertThat(ev.next()).isEqualTo("interim:I'd like to book"); // the slow first one comes after it
        assertThat(ev.next()).isEqualTo("final:I'd like to book a check-up:0.93");
        assertThat(ev.next()).isEqualTo("end");
        assertThat(ev.next()).isEqualTo("interim:I'd like");
        assertThat(ev.errors).isEmpty();
        s.close();
    }

    @Test
    void anErrorCloseReconnectsAndTheCallGoesOn() throws Exception {
        start(KEY, KEY);
        server.errorCloseFirstConnection = 1011;
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", TERMS), ev);
        await(() -> server.connections.get() == 2);
        audio(s, 3000);
        assertThat(ev.next()).isEqualTo("interim:I'd like");
        assertThat(ev.errors).anyMatch(e -> e.startsWith("recoverable:") && e.contains("1011"));
        assertThat(stt.reconnects()).isEqualTo(1);
        s.close();
    }

    @Test
    void aDroppedConnectionReconnectsWithoutLosingTheBufferedAudio() throws Exception {
        start(KEY, KEY);
        server.dropFirstConnectionAfterBytes = 3200; // 0.2 s in
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", TERMS), ev);
        await(() -> server.connections.get() == 1 && server.bytesPerConnection.size() == 1);
        audio(s, 400);
        await(() -> server.connections.get() == 2);
        audio(s, 2600);
        await(() -> server.totalBytes() >= 48000 - 3200);
        assertThat(server.bytesPerConnection.get(1).get()).isGreaterThan(40000);
        assertThat(ev.errors).anyMatch(e -> e.startsWith("recoverable:"));
        s.close();
    }

    @Test
    void expectedPhrasesOpenANewConnectionWithThemAndAudioMovesOverWithoutLoss() throws Exception {
        start(KEY, KEY);
        server.bytesPerStep = 1_000_000; // no scripted results in this test
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", List.of("Doctor Okafor")), ev);
        await(() -> server.connections.get() == 1);
        audio(s, 1000);
        s.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "Tuesday at 9:30"));
        s.expect(ExpectedAnswer.of(ExpectedAnswer.Kind.CHOICE, "Tuesday at 9:30")); // same phrases: no new connection
        await(() -> server.connections.get() == 2);
        await(() -> server.controls.contains("{\"type\":\"CloseStream\"}"));
        assertThat(server.queries.get(1)).contains("keyterm=Doctor%20Okafor", "keyterm=Tuesday%20at%209%3A30");
        assertThat(server.queries.get(0)).doesNotContain("Tuesday");
        audio(s, 1000);
        await(() -> server.totalBytes() == 2 * 16000);
        assertThat(server.bytesPerConnection.get(0).get()).isEqualTo(16000);
        assertThat(server.bytesPerConnection.get(1).get()).isEqualTo(16000);
        Thread.sleep(200);
        assertThat(ev.errors).isEmpty();
        assertThat(server.connections.get()).isEqualTo(2);
        s.close();
    }

    @Test
    void aRefusedKeyIsFatalAndNotRetried() throws Exception {
        start(KEY, "wrong-key");
        Events ev = new Events();
        SpeechToText.Stream s = stt.stream(new SpeechToText.Options(8000, "en-GB", List.of()), ev);
        await(() -> !ev.errors.isEmpty());
        Thread.sleep(300);
        assertThat(ev.errors).containsExactly("fatal:deepgram refused the API key (HTTP 401)");
        assertThat(ev.errors.toString()).doesNotContain("wrong-key");
        assertThat(server.connections.get()).isZero();
        s.close();
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> DeepgramOptions.defaults(" ")).hasMessageContaining("DEEPGRAM_API_KEY");
        assertThatThrownBy(() -> DeepgramOptions.defaults("k").withUrl(URI.create("http://x"))).hasMessageContaining("ws://");
        assertThatThrownBy(() -> new DeepgramOptions("k", DeepgramOptions.DEFAULT_URL, "nova-3", 300, 500,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))).hasMessageContaining("utterance-end-ms");
        assertThat(DeepgramOptions.defaults("secret-key").toString()).doesNotContain("secret-key");
    }

    @Test
    void optionsComeFromTheVoiceBlock() {
        com.typesafe.config.Config dg = dev.vocadent.core.settings.Settings.load(
                java.util.Map.of("voice.deepgram.api-key", "k1")).getConfig("voice.deepgram");
        DeepgramOptions o = DeepgramOptions.from(dg);
        assertThat(o.model()).isEqualTo("nova-3");
        assertThat(o.url()).isEqualTo(DeepgramOptions.DEFAULT_URL);
        assertThat(o.utteranceEndMs()).isEqualTo(1000);
    }
}
