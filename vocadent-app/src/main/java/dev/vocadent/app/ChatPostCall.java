package dev.vocadent.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.vocadent.agent.session.CallSession;
import dev.vocadent.app.wiring.PostCallWiring;
import dev.vocadent.core.api.BackendClient;
import dev.vocadent.core.api.Usage;
import dev.vocadent.core.json.Json;
import dev.vocadent.postcall.Channel;
import dev.vocadent.postcall.FinishedCall;
import dev.vocadent.postcall.Preview;
import dev.vocadent.postcall.Receipt;
import dev.vocadent.postcall.outbox.OutboxItem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Post-call for {@code vocadent chat}: opened when the chat starts, and when the call has ended it
 * submits the call, waits (at most {@code vocadent.postcall.chat-wait}) until each delivery was tried,
 * prints what was sent (plain: the Slack message as text and where the transcript is stored;
 * {@code --json}: one {@code postcall} line) and closes. Undelivered items stay in the outbox.
 */
final class ChatPostCall {
    /** Opens post-call for one chat (tests replace it). */
    @FunctionalInterface
    interface Opener {
        ChatPostCall open(Config settings, Path dataDir, BackendClient backend, String clinicId, Clock clock);
    }

    private final PostCallWiring wiring;
    private final Clock clock;
    private final Instant startedAt;
    private final Duration wait;

    private ChatPostCall(PostCallWiring wiring, Clock clock, Duration wait) {
        this.wiring = wiring;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.wait = wait;
    }

    /** The real one: process environment for the clinics' Slack webhook refs. */
    static ChatPostCall open(Config settings, Path dataDir, BackendClient backend, String clinicId, Clock clock) {
        return opener(System::getenv).open(settings, dataDir, backend, clinicId, clock);
    }

    /**
     * An opener resolving {@code env:} refs through {@code env}. A non-null {@code dataDir} (the chat's demo
     * data directory) replaces {@code vocadent.data-dir}, so the outbox and local store live beside it.
     */
    static Opener opener(Function<String, String> env) {
        return (settings, dataDir, backend, clinicId, clock) -> {
            Config s = dataDir == null ? settings
                    : ConfigFactory.parseMap(Map.of("data-dir", dataDir.toString())).withFallback(settings).resolve();
            Duration wait;
            try {
                wait = s.hasPath("postcall.chat-wait") ? s.getDuration("postcall.chat-wait") : Duration.ofSeconds(10);
            } catch (com.typesafe.config.ConfigException e) {
                throw new UserError("post-call settings: " + e.getMessage());
            }
            PostCallWiring wiring;
            try {
                wiring = PostCallWiring.open(s, id -> {
                    if (!id.equals(clinicId)) {
                        throw new IllegalStateException("this chat has no backend credentials for clinic " + id);
                    }
                    return backend;
                }, env, clock);
            } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
                throw new UserError("post-call settings: " + e.getMessage());
            }
            return new ChatPostCall(wiring, clock, wait);
        };
    }

    /** Submits the ended chat call, waits for the first delivery attempts, prints the result, closes. */
    void finish(CallSession session, boolean json, PrintStream out) throws InterruptedException {
        try {
            FinishedCall call = wiring.finishedCall(session.state(), Channel.CHAT, startedAt, clock.instant(), List.of(),
                    Usage.NONE, null);
            Preview preview = wiring.preview(call);
            Receipt receipt = wiring.postCall().submit(call);
            List<OutboxItem> left = wiring.awaitFirstAttempts(call.sessionId(), wait);
            if (json) {
                ObjectNode o = Json.mapper().createObjectNode().put("type", "postcall");
                if (receipt.slack()) {
                    o.set("slack", Json.mapper().readTree(preview.slackJson()));
                } else {
                    o.putNull("slack");
                }
                o.put("transcript_path", receipt.transcriptLocation());
                o.put("recording_path", receipt.recordingLocation());
                o.put("pending", left.size());
                out.println(Json.write(o));
            } else {
                out.print(preview.describe());
                if (!receipt.slack()) {
                    out.println("(the clinic has no Slack webhook configured: nothing is sent to Slack)");
                }
                if (left.isEmpty()) {
                    out.println("post-call: delivered");
                } else {
                    out.println("post-call: " + left.size() + " deliver" + (left.size() == 1 ? "y" : "ies")
                            + " not done yet, kept in " + wiring.outboxDir() + " (vocadent outbox lists them):");
                    for (OutboxItem i : left) {
                        out.println("  " + i.kind().wireName() + ": "
                                + (i.parkedReason() != null ? "parked: " + i.parkedReason() : i.lastError() == null ? "waiting" : i.lastError()));
                    }
                }
            }
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("post-call: the Slack preview is not JSON", e);
        } finally {
            wiring.close();
        }
    }
}
