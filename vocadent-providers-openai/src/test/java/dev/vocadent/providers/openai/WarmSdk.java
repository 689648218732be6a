package dev.vocadent.providers.openai;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one real request through the SDK and OkHttp (against its own fake server) so that tests with
 * sub-second timeouts do not measure the JVM loading the HTTP stack on a busy machine.
 */
final class WarmSdk {
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private WarmSdk() {}

    static void once() throws Exception {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        try (FakeChatServer server = new FakeChatServer();
             OpenAiBrain brain = new OpenAiBrain(TestSettings.openAi(server.baseUrl()))) {
            server.enqueue(FakeChatServer.sse(Chunks.answer(1, 1, "warm")),
                    FakeChatServer.status(500, "warm"));
            TestCall call = new TestCall().caller("warm up");
            brain.newConversation(call).respond(call);
            try {
                brain.newConversation(call).respond(call);
            } catch (dev.vocadent.agent.brain.BrainException expected) {
                // the error path is warm too
            }
        }
    }
}
