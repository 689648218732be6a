package dev.vocadent.app.wiring;

import com.typesafe.config.Config;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.core.api.TurnLatency;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.config.ClinicConfig;
import dev.vocadent.core.state.CallState;
import dev.vocadent.postcall.BackendClientProvider;
import dev.vocadent.postcall.Channel;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.PostCall;
import dev.vocadent.postcall.PostCallSettings;
import dev.vocadent.postcall.Preview;
import dev.vocadent.postcall.Receipt;
import dev.vocadent.postcall.outbox.OutboxItem;
import dev.vocadent.providers.openai.OpenAiBrainFactory;
import dev.vocadent.providers.openai.OpenAiCallAnalyzer;
import dev.vocadent.providers.openai.OpenAiSettings;
import dev.vocadent.providers.openai.UsageListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one post-call pipeline of a process, as every channel (chat, call, sip, livekit) uses it at call
 * end. Open it once at start-up ({@link #open}), hand each ended session to {@link #submit}, close it on
 * shutdown: the sender delivers in the background and the journal keeps whatever is undelivered for
 * the next start.
 *
 * <pre>{@code
 * PostCallWiring postCall = PostCallWiring.open(Settings.load(), clinicId -> backendClientOf(clinicId));
 * Instant startedAt = clock.instant();            // when the call was answered
 * ... session.ended().join();
 * postCall.submit(session, Channel.SIP, startedAt, clock.instant(), latencies, usage, recordingOgg);
 * }</pre>
 *
 * With an LLM key configured ({@code vocadent.llm}), sentiment and summary come from the LLM
 * ({@link OpenAiCallAnalyzer}), else from the offline classifier. Give {@link #llmUsage()} to the
 * OpenAI brain as its {@link UsageListener} and {@link #submit} fills the call's LLM tokens itself.
 */
public final class PostCallWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostCallWiring.class);
    private static final Duration POLL = Duration.ofMillis(25);

    private final PostCall postCall;
    private final OpenAiCallAnalyzer analyzer;
    private final LlmUsageTally usage = new LlmUsageTally();

    private PostCallWiring(PostCall postCall, OpenAiCallAnalyzer analyzer) {
        this.postCall = postCall;
        this.analyzer = analyzer;
    }

    /** From the process settings ({@code Settings.load()}), the real environment and the system clock; started. */
    public static PostCallWiring open(Config vocadent, BackendClientProvider backend) {
        return open(vocadent, backend, System::getenv, Clock.systemUTC());
    }

    /**
     * Builds and starts post-call from the {@code vocadent} settings: the {@code postcall} block (outbox
     * in {@code <data-dir>/outbox} unless set; Azure Blob when configured, else the local store), the
     * clinics' Slack webhooks resolved through {@code env} ({@code env:NAME} / {@code file:/path} refs),
     * call records through {@code backend} (null → none are sent), and the LLM analyser when an LLM key is set.
     *
     * @throws IllegalArgumentException naming the setting when a post-call or LLM setting is wrong
     */
    public static PostCallWiring open(Config vocadent, BackendClientProvider backend, Function<String, String> env, Clock clock) {
        return open(vocadent, backend, env, clock, null);
    }

    /**
     * As {@link #open(Config, BackendClientProvider, Function, Clock)}, plus the retention job over
     * {@code retentionClinics} (asked at every run): every {@code postcall.retention-interval} (0 → off)
     * it deletes each clinic's recordings and transcripts older than its {@code recording_retention_days}
     * from the blob store, and its call records from the backend through {@code backend}. Long-running
     * channels ({@code sip}, {@code worker}) pass their served clinics; null → no retention job.
     */
    public static PostCallWiring open(Config vocadent, BackendClientProvider backend, Function<String, String> env, Clock clock,
                                      Supplier<List<ClinicConfig>> retentionClinics) {
        PostCallSettings settings = PostCallSettings.from(vocadent);
        Optional<OpenAiSettings> llm = OpenAiSettings.from(vocadent);
        OpenAiCallAnalyzer analyzer = llm.isEmpty() ? null
                : OpenAiBrainFactory.analyzer(vocadent, UsageListener.NONE).orElse(null);
        PostCall.Builder b = PostCall.builder(settings).backend(backend).env(env).clock(clock).clinics(retentionClinics);
        if (analyzer != null) {
            b.analyzer(new LlmSentimentAnalyzer(analyzer, llm.get().kind().name().toLowerCase() + ":" + llm.get().analysisModel()));
        }
        PostCall postCall = b.build();
        postCall.start();
        return new PostCallWiring(postCall, analyzer);
    }

    /**
     * Queues an ended call for post-call processing (durably; returns at once).
     *
     * @param session   the session; it must have ended (its state, transcript and outcome are final)
     * @param channel   chat, call, sip or livekit
     * @param startedAt when the call was answered
     * @param endedAt   when it ended
     * @param latency   per-turn latency (may be empty)
     * @param usage     provider usage (TTS characters, STT seconds, and LLM tokens if the channel counted
     *                  them); when it has no LLM tokens, those {@link #llmUsage()} counted for the session are used
     * @param recording the call's Ogg recording, or null (always null for chat)
     * @throws IllegalStateException    when the session has not ended (nothing is queued)
     * @throws IllegalArgumentException naming the field when the call is not valid (nothing is queued)
     */
    public Receipt submit(CallSession session, Channel channel, Instant startedAt, Instant endedAt,
                          List<TurnLatency> latency, Usage usage, Path recording) {
        Objects.requireNonNull(session, "session");
        if (!session.isEnded()) {
            throw new IllegalStateException("post-call: session " + session.sessionId() + " has not ended");
        }
        return postCall.submit(finishedCall(session.state(), channel, startedAt, endedAt, latency, usage, recording));
    }

    /** The finished call {@link #submit} would queue (also for {@link #preview}). */
    public FinishedCall finishedCall(CallState state, Channel channel, Instant startedAt, Instant endedAt,
                                     List<TurnLatency> latency, Usage usage, Path recording) {
        Usage u = usage == null ? Usage.NONE : usage;
        if (u.promptTokens() == 0 && u.completionTokens() == 0) {
            Usage llm = this.usage.take(state.sessionId());
            u = new Usage(llm.promptTokens(), llm.completionTokens(), u.ttsCharacters(), u.sttSeconds());
        }
        return FinishedCall.of(state, channel, startedAt, endedAt, null, TranscriptConversion.of(state.transcript()),
                latency, u, recording);
    }

    /** What would be sent for the call (offline analysis), sending nothing. */
    public Preview preview(FinishedCall call) {
        return postCall.preview(call);
    }

    /** Feeds one turn's latency to the ops latency alert (call it per turn, as it happens). */
    public void recordTurnLatency(String clinicId, TurnLatency latency) {
        postCall.recordTurnLatency(clinicId, latency);
    }

    /** Watches the process's audio pacing counters for the ops "audio pacing degraded" alert. */
    public void watchAudioPacing(dev.vocadent.agent.audio.PacingMeters meters) {
        postCall.watchAudioPacing(meters::frames, meters::lateFrames);
    }

    /** The LLM token counter to give the OpenAI brain ({@code OpenAiBrainFactory.create(config, llmUsage())}). */
    public LlmUsageTally llmUsage() {
        return usage;
    }

    /**
     * Waits (at most {@code timeout}) until every delivery of the call has been tried at least once, and
     * returns the call's items still in the outbox (pending retries or parked); empty → all delivered.
     */
    public List<OutboxItem> awaitFirstAttempts(String sessionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<OutboxItem> left = outstanding(sessionId);
            boolean untried = left.stream().anyMatch(i -> i.attempts() == 0 && i.parkedReason() == null);
            if (!untried || System.nanoTime() - deadline >= 0) {
                return left;
            }
            Thread.sleep(POLL);
        }
    }

    /** The call's items still in the outbox: pending then parked. */
    public List<OutboxItem> outstanding(String sessionId) {
        List<OutboxItem> left = new ArrayList<>();
        postCall.journal().pending().stream().filter(i -> sessionId.equals(i.sessionId())).forEach(left::add);
        postCall.journal().parked().stream().filter(i -> sessionId.equals(i.sessionId())).forEach(left::add);
        return left;
    }

    /** The outbox journal directory. */
    public Path outboxDir() {
        return postCall.journal().root();
    }

    public PostCall postCall() {
        return postCall;
    }

    /** Closes this on JVM shutdown (SIGTERM, Ctrl-C, normal exit) for long-running channels; returns this. */
    public PostCallWiring closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("postcall-shutdown").unstarted(this::close));
        return this;
    }

    /** Stops the sender (undelivered items stay in the journal) and the LLM analyser's client. */
    @Override
    public void close() {
        postCall.close();
        if (analyzer != null) {
            try {
                analyzer.close();
            } catch (RuntimeException e) {
                log.debug("post-call: closing the analyser failed: {}", e.toString());
            }
        }
    }
}
