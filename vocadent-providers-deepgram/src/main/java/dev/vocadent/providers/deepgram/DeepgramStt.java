package dev.vocadent.providers.deepgram;

import dev.vocadent.agent.voice.SpeechToText;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deepgram live streaming STT ({@code /v1/listen}) over the JDK WebSocket client: linear16 audio at the
 * call's rate, interim results, endpointing and UtteranceEnd, the clinic's vocabulary and the turn's
 * expected phrases as {@code keyterm} parameters. A dropped connection is reopened with back-off and
 * the audio of the gap is buffered and sent, so the call keeps its transcript.
 */
public final class DeepgramStt implements SpeechToText {
    private final DeepgramOptions options;
    private final HttpClient http;
    final ScheduledExecutorService timers;
    final AtomicLong reconnects = new AtomicLong();

    public DeepgramStt(DeepgramOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("deepgram-timer").daemon().unstarted(r));
    }

    @Override
    public String name() {
        return "deepgram";
    }

    /** Reconnections made by all streams (a metric). */
    public long reconnects() {
        return reconnects.get();
    }

    DeepgramOptions options() {
        return options;
    }

    HttpClient http() {
        return http;
    }

    @Override
    public Stream stream(Options call, Listener listener) {
        return new DeepgramStream(this, call, listener);
    }

    /** The listen URL for a call, with the keyterms of the clinic and of the expected answer. */
    URI uri(Options call, List<String> extraTerms) {
        StringBuilder q = new StringBuilder(options.url().toString());
        q.append(q.indexOf("?") < 0 ? '?' : '&');
        q.append("model=").append(enc(options.model()))
                .append("&language=").append(enc(call.language()))
                .append("&encoding=linear16&sample_rate=").append(call.sampleRate()).append("&channels=1")
                .append("&interim_results=true&endpointing=").append(options.endpointingMs())
                .append("&utterance_end_ms=").append(options.utteranceEndMs())
                .append("&vad_events=true&smart_format=true");
        Set<String> terms = new LinkedHashSet<>(call.keyterms());
        terms.addAll(extraTerms);
        List<String> list = new ArrayList<>(terms);
        for (String t : list.subList(0, Math.min(list.size(), 100))) { // Deepgram caps keyterms per request
            if (!t.isBlank()) {
                q.append("&keyterm=").append(enc(t.strip()));
            }
        }
        return URI.create(q.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(5000, 100L << Math.min(attempt, 6)));
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
