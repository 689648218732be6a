package dev.vocadent.providers.openai;

import static dev.vocadent.providers.openai.FakeChatServer.event;
import static dev.vocadent.providers.openai.FakeChatServer.sse;
import static dev.vocadent.providers.openai.FakeChatServer.startSse;
import static dev.vocadent.providers.openai.FakeChatServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vocadent.agent.brain.BrainException;
import java.io.OutputStream;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way the provider can fail ends the turn with a BrainException, quickly, so the fallback answers. */
class OpenAiBrainFailureTest {
    /** The scripted server stalls this long (or until it closes), far past every timeout below. */
    private static final Duration STALL = Duration.ofSeconds(60);
    /** Generous bound for "the BrainException came within the timeout" on a loaded machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(12);

    private FakeChatServer server;
    private OpenAiBrain brain;
    private final TestCall call = new TestCall().caller("Hello, can I book a check-up?");

    @BeforeAll
    static void warm() throws Exception {
        WarmSdk.once();
    }

    @BeforeEach
    void start() {
        server = new FakeChatServer();
        brain = new OpenAiBrain(TestSettings.openAi(server.baseUrl(), Duration.ofMillis(2500), Duration.ofMillis(5000), 6));
    }

    @AfterEach
    void stop() {
        brain.close();
        server.close();
    }

    @Test
    void http500IsABrainExceptionAndIsNotRetried() {
        server.enqueue(status(500, "The server had an error"));

        assertBrainException(() -> brain.newConversation(call).respond(call), "HTTP 500 (server error)");
        assertThat(server.received()).hasSize(1);
        assertThat(call.deltas).isEmpty();
    }

    @Test
    void http429RateLimitIsABrainException() {
        server.enqueue(ctx -> {
            ctx.header("Retry-After", "1");
            status(429, "Rate limit reached").respond(ctx);
        });

        assertBrainException(() -> brain.newConversation(call).respond(call), "HTTP 429 (rate limited)");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void rejectedKeyIsABrainExceptionThatDoesNotQuoteTheKey() {
        server.enqueue(status(401, "Incorrect API key provided: " + TestSettings.KEY));

        Throwable thrown = catchBrainException(() -> brain.newConversation(call).respond(call));
        assertThat(thrown).hasMessage("openai: HTTP 401 (key rejected)");
        assertThat(thrown.getMessage()).doesNotContain(TestSettings.KEY);
    }

    @Test
    void slowFirstByteHitsTheFirstTokenTimeout() {
        server.enqueue(ctx -> server.pause(STALL));

        assertTimeoutPreemptively(PROMPTLY, () ->
                assertBrainException(() -> brain.newConversation(call).respond(call), "first-token timeout of 2500 ms"));
    }

    @Test
    void abandonedRequestsDoNotKeepTheirReaderThreads() throws Exception {
        server.enqueue(ctx -> server.pause(STALL), ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.text("Let me see"));
            server.pause(STALL);
        });
        OpenAiConversation conversation = brain.newConversation(call);
        assertBrainException(() -> conversation.respond(call), "first-token timeout");
        assertBrainException(() -> conversation.respond(call), "turn timeout");

        // the server still stalls both requests; our side must have let go of them anyway
        // well under the SDK backstop timeout (turn timeout + 5 s), so only our cancelling can pass this
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (ChatStream.reading() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(ChatStream.reading()).isZero();
    }

    @Test
    void headersAndRoleChunkWithoutAnyTokenStillHitTheFirstTokenTimeout() {
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.role());
            server.pause(STALL);
        });

        assertTimeoutPreemptively(PROMPTLY, () ->
                assertBrainException(() -> brain.newConversation(call).respond(call), "first-token timeout"));
    }

    @Test
    void answerStallingMidwayHitsTheTurnTimeoutAfterWhatWasAlreadySpoken() {
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.role());
            event(out, Chunks.text("Let me see"));
            server.pause(STALL);
        });

        assertTimeoutPreemptively(PROMPTLY, () ->
                assertBrainException(() -> brain.newConversation(call).respond(call), "turn timeout of 5000 ms"));
        assertThat(call.deltas).containsExactly("Let me see");
    }

    @Test
    void connectionDroppedMidStreamIsABrainException() {
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.role());
            event(out, Chunks.text("Of course, "));
            FakeChatServer.dropConnection(ctx);
        });

        assertTimeoutPreemptively(PROMPTLY, () ->
                assertBrainException(() -> brain.newConversation(call).respond(call), "connection failed"));
        assertThat(call.deltas).containsExactly("Of course, ");
    }

    @Test
    void streamThatEndsBeforeTheModelFinishedIsABrainException() {
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.role());
            event(out, Chunks.text("Of course, "));
        });

        assertBrainException(() -> brain.newConversation(call).respond(call), "ended before the model finished");
    }

    @Test
    void errorEventInsideTheStreamIsABrainException() {
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.role());
            event(out, "{\"error\":{\"message\":\"The model is overloaded\",\"type\":\"server_error\",\"code\":\"overloaded\"}}");
        });

        assertBrainException(() -> brain.newConversation(call).respond(call), "error event in the answer stream (overloaded)");
    }

    @Test
    void chunkOutOfProtocolIsABrainException() {
        server.enqueue(
                sse(Chunks.role(), "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}"),
                sse(Chunks.role(), "this is not json"));

        assertBrainException(() -> brain.newConversation(call).respond(call), "malformed chunk");
        assertBrainException(() -> brain.newConversation(call).respond(call), "openai: ");
        assertThat(call.deltas).isEmpty();
    }

    @Test
    void sinkFailureIsNotDisguisedAsAProviderFailureAndReleasesTheStream() throws Exception {
        server.enqueue(ctx -> {
            OutputStream out = startSse(ctx);
            event(out, Chunks.text("Hello"));
            server.pause(STALL);
        });
        call.onDelta(d -> {
            throw new IllegalStateException("caller hung up");
        });

        assertThatThrownBy(() -> brain.newConversation(call).respond(call))
                .isInstanceOf(IllegalStateException.class).hasMessage("caller hung up");
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (ChatStream.reading() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(ChatStream.reading()).isZero();
    }

    @Test
    void serverGoneBetweenTurnsIsAConnectionFailure() throws Exception {
        server.enqueue(sse(Chunks.answer(5, 2, "Hello.")));
        OpenAiConversation conversation = brain.newConversation(call);
        conversation.respond(call);
        server.close();
        call.caller("Are you there?");

        assertTimeoutPreemptively(PROMPTLY, () ->
                assertBrainException(() -> conversation.respond(call), "connection failed"));
    }

    @Test
    void emptyAnswerIsABrainException() {
        server.enqueue(sse(Chunks.role(), Chunks.finish("stop"), Chunks.usage(10, 0)));

        assertBrainException(() -> brain.newConversation(call).respond(call), "empty answer");
    }

    @Test
    void conversationAnswersTheNextTurnAfterAFailedOne() throws Exception {
        server.enqueue(status(503, "Overloaded"), sse(Chunks.answer(5, 2, "Sorry about that, yes we can.")));
        OpenAiConversation conversation = brain.newConversation(call);

        assertBrainException(() -> conversation.respond(call), "HTTP 503");
        call.caller("Hello?");
        conversation.respond(call);

        assertThat(call.spoken()).isEqualTo("Sorry about that, yes we can.");
    }

    private static void assertBrainException(ThrowingCallable respond, String messagePart) {
        assertThatThrownBy(respond).isInstanceOf(BrainException.class).hasMessageContaining(messagePart);
    }

    private static Throwable catchBrainException(ThrowingCallable respond) {
        try {
            respond.call();
        } catch (Throwable t) {
            assertThat(t).isInstanceOf(BrainException.class);
            return t;
        }
        throw new AssertionError("no BrainException");
    }
}
